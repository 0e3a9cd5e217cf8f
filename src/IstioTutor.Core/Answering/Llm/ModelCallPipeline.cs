using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// The one Polly pipeline for calls to the model and the embedding service: each attempt may take
/// <see cref="LlmOptions.RequestTimeoutSeconds"/>, and an attempt that timed out or failed with a
/// <see cref="ModelCallFailedException.Transient"/> failure is retried up to <see cref="LlmOptions.MaxRetries"/>
/// times, waiting <see cref="LlmOptions.RetryBaseDelayMilliseconds"/> and twice as long before each later
/// retry (no jitter: one learner's turn, not a fleet). The SDK clients' own retries are off (they disable
/// them when given an HttpClient), so this is the only retry layer.
/// </summary>
public sealed class ModelCallPipeline
{
    private readonly ResiliencePipeline _pipeline;

    public ModelCallPipeline(IOptions<LlmOptions> options, TimeProvider clock, ILogger<ModelCallPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        TimeoutFailure = $"no reply within {o.RequestTimeoutSeconds} s";
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = o.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is TimeoutRejectedException or ModelCallFailedException { Transient: true }),
                OnRetry = args =>
                {
                    logger.LogInformation(
                        "{Operation} attempt {Attempt} failed ({Failure}); retrying in {Delay} ms.",
                        args.Context.OperationKey, args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        _pipeline = builder.AddTimeout(TimeSpan.FromSeconds(o.RequestTimeoutSeconds)).Build();
    }

    /// <summary>How a timed-out attempt is described: "no reply within 30 s".</summary>
    public string TimeoutFailure { get; }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it returns or fails for good. A final failure is thrown as a
    /// <see cref="ModelCallFailedException"/> (a timeout as <see cref="ModelFailureKind.TimedOut"/>); the
    /// caller's own cancellation is thrown as it is.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(static (ctx, attempt) => attempt(ctx.CancellationToken), context, attempt);
        }
        catch (TimeoutRejectedException e)
        {
            throw new ModelCallFailedException(ModelFailureKind.TimedOut, TimeoutFailure, transient: true, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private string Describe(Exception? e) => e is TimeoutRejectedException ? TimeoutFailure : e?.Message ?? "no exception";
}
