using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>
/// Embedding requests through the chat path's <see cref="ModelCallPipeline"/> (the same per-attempt
/// timeout and retries on failures that may pass), and no exception out: a failure is logged and returns
/// null, and the caller ranks by BM25 alone.
/// </summary>
public sealed class ResilientEmbeddings(ModelCallPipeline pipeline, ILogger<ResilientEmbeddings> logger)
{
    public async Task<IReadOnlyList<float[]>?> EmbedAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(texts);
        try
        {
            return await pipeline.ExecuteAsync("Embedding", async token =>
            {
                GeneratedEmbeddings<Embedding<float>> result;
                try
                {
                    result = await generator.GenerateAsync(texts, cancellationToken: token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw ModelCallFailedException.From(e, "embedding service");
                }

                return result.Count == texts.Count && result.All(e => e.Vector.Length > 0)
                    ? (IReadOnlyList<float[]>)result.Select(e => e.Vector.ToArray()).ToList()
                    : throw new ModelCallFailedException(ModelFailureKind.Refused, $"the service returned {result.Count} vector(s) for {texts.Count} text(s)", transient: false);
            }, cancellationToken);
        }
        catch (ModelCallFailedException e)
        {
            logger.LogWarning("Embeddings unavailable ({Failure}); ranking by BM25 alone.", e.Message);
            return null;
        }
    }
}
