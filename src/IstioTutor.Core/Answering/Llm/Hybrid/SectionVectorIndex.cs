using System.Security.Cryptography;
using System.Text;
using IstioTutor.Core.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>
/// The curriculum's section vectors, built on the first question that needs them (not at start-up, so
/// a slow embedding service never delays the tutor) from the cache first and the service for the rest.
/// A failed build is retried only after <see cref="LlmEmbeddingOptions.RetryAfterFailureSeconds"/>, so
/// an embedding outage costs questions nothing but the BM25-only ranking.
/// </summary>
public sealed class SectionVectorIndex(
    KnowledgeBase knowledge,
    SectionVectorCache cache,
    ResilientEmbeddings embeddings,
    IOptions<LlmOptions> options,
    TimeProvider clock,
    ILogger<SectionVectorIndex> logger) : IDisposable
{
    /// <summary>Embedding models take a few thousand tokens; a section longer than this is cut (its heading and opening carry its topic).</summary>
    private const int MaxTextChars = 6000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SectionVector>? _vectors;
    private DateTimeOffset _retryAfter = DateTimeOffset.MinValue;

    public static string TextOf(LessonSection section)
    {
        var text = section.HeadingPath + "\n\n" + section.Prose;
        return text.Length <= MaxTextChars ? text : text[..MaxTextChars];
    }

    /// <summary>The model and vector size the cache entries belong to: vectors of another model are never mixed in.</summary>
    public static string ModelKey(LlmOptions o) => $"{o.Provider}:{o.Embeddings.EmbeddingModel}:{o.Embeddings.Dimensions}";

    public static string ContentHash(LessonSection section) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{section.Lang}\n{SectionIds.Of(section)}\n{TextOf(section)}")));

    /// <summary>The vectors, or null while the embedding service is unavailable.</summary>
    public async Task<IReadOnlyList<SectionVector>?> GetAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        if (_vectors is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_vectors is not null || clock.GetUtcNow() < _retryAfter)
            {
                return _vectors;
            }

            _vectors = await BuildAsync(generator, cancellationToken);
            if (_vectors is null)
            {
                _retryAfter = clock.GetUtcNow().AddSeconds(options.Value.Embeddings.RetryAfterFailureSeconds);
            }

            return _vectors;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<SectionVector>?> BuildAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var modelKey = ModelKey(o);
        var sections = knowledge.Curriculum.Sections;
        var hashes = sections.Select(ContentHash).ToArray();
        var vectors = new float[]?[sections.Count];
        var missing = new List<int>();
        for (var i = 0; i < sections.Count; i++)
        {
            vectors[i] = cache.Find(modelKey, hashes[i]);
            if (vectors[i] is null)
            {
                missing.Add(i);
            }
        }

        foreach (var batch in missing.Chunk(o.Embeddings.BatchSize))
        {
            var result = await embeddings.EmbedAsync(generator, batch.Select(i => TextOf(sections[i])).ToList(), cancellationToken);
            if (result is null)
            {
                // Batches already embedded stay cached; the next attempt asks only for the rest.
                return null;
            }

            for (var j = 0; j < batch.Length; j++)
            {
                var unit = Normalize(result[j]);
                vectors[batch[j]] = unit;
                cache.Store(modelKey, hashes[batch[j]], unit);
            }
        }

        var pruned = cache.Prune(modelKey, hashes.Select(h => SectionVectorCache.Id(modelKey, h)).ToHashSet(StringComparer.Ordinal));
        logger.LogInformation(
            "Section vectors ready for {Model}: {Sections} sections, {Embedded} embedded now, {Cached} from the cache, {Pruned} stale removed.",
            o.Embeddings.EmbeddingModel, sections.Count, missing.Count, sections.Count - missing.Count, pruned);
        return sections.Select((s, i) => new SectionVector(s, vectors[i]!)).ToList();
    }

    public void Dispose() => _gate.Dispose();

    public static float[] Normalize(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        return norm == 0 ? vector : vector.Select(v => (float)(v / norm)).ToArray();
    }
}
