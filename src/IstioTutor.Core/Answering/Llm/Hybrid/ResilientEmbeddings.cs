using System.ClientModel;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>
/// Embedding requests with the chat path's discipline: the same per-attempt timeout, retries with
/// exponential backoff on failures that may pass (timeouts, connection errors, 408/429/5xx), and no
/// exception out: a failure is logged and returns null, and the caller ranks by BM25 alone.
/// </summary>
public sealed class ResilientEmbeddings(IOptions<LlmOptions> options, TimeProvider clock, ILogger<ResilientEmbeddings> logger)
{
    public async Task<IReadOnlyList<float[]>?> EmbedAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var timeout = TimeSpan.FromSeconds(o.RequestTimeoutSeconds);
        string failure = "no attempt made";
        for (var attempt = 1; attempt <= o.MaxRetries + 1; attempt++)
        {
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(timeout);
            var transient = true;
            try
            {
                var result = await generator.GenerateAsync(texts, cancellationToken: attemptCts.Token);
                if (result.Count == texts.Count && result.All(e => e.Vector.Length > 0))
                {
                    return result.Select(e => e.Vector.ToArray()).ToList();
                }

                failure = $"the service returned {result.Count} vector(s) for {texts.Count} text(s)";
                transient = false;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no reply within {o.RequestTimeoutSeconds} s";
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                (failure, transient) = Classify(ex);
            }

            if (!transient || attempt > o.MaxRetries)
            {
                break;
            }

            var delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1));
            logger.LogInformation("Embedding attempt {Attempt} failed ({Failure}); retrying in {Delay} ms.", attempt, failure, delay.TotalMilliseconds);
            await Task.Delay(delay, clock, cancellationToken);
        }

        logger.LogWarning("Embeddings unavailable ({Failure}); ranking by BM25 alone.", failure);
        return null;
    }

    private static (string Failure, bool Transient) Classify(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ClientResultException { Status: > 0 } c:
                    return ($"HTTP {c.Status}", c.Status is 408 or 429 || c.Status >= 500);
                case HttpOperationException { StatusCode: { } status }:
                    return ($"HTTP {(int)status}", (int)status is 408 or 429 || (int)status >= 500);
                case HttpRequestException or SocketException or IOException:
                    return ($"could not reach the embedding service ({e.Message})", true);
            }
        }

        return (ex.GetType().Name + ": " + ex.Message, false);
    }
}
