using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// One model call with a per-attempt timeout and retries with exponential backoff on failures that may
/// pass (timeouts, connection errors, 408/429/5xx). A retry is not made once a tool has run in the
/// failed attempt, so a preview is never made twice behind the learner's back. The SK connector's own
/// retries are off (it disables them when given an HttpClient), so this is the only retry layer.
/// </summary>
public sealed class ResilientChat(IOptions<LlmOptions> options, TimeProvider clock, ILogger<ResilientChat> logger)
{
    public async Task<ChatOutcome> CompleteAsync(
        Kernel kernel,
        ChatHistory history,
        PromptExecutionSettings settings,
        Func<int> toolCallsMade,
        CancellationToken cancellationToken)
    {
        var o = options.Value;
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var timeout = TimeSpan.FromSeconds(o.RequestTimeoutSeconds);
        ChatOutcome? last = null;
        for (var attempt = 1; attempt <= o.MaxRetries + 1; attempt++)
        {
            var toolsBefore = toolCallsMade();
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(timeout);
            try
            {
                // A fresh copy per attempt: SK appends tool-call rounds to the history it is given.
                var reply = await chat.GetChatMessageContentAsync(new ChatHistory(history), settings, kernel, attemptCts.Token);
                var text = reply.Content?.Trim();
                if (!string.IsNullOrEmpty(text))
                {
                    return ChatOutcome.Answered(text, attempt);
                }

                last = new ChatOutcome(null, ModelFailureKind.Empty, "the model returned an empty reply", attempt);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = new ChatOutcome(null, ModelFailureKind.TimedOut, $"no reply within {o.RequestTimeoutSeconds} s", attempt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var (kind, transient) = Classify(ex);
                last = new ChatOutcome(null, kind, Describe(ex), attempt);
                if (!transient)
                {
                    logger.LogWarning(ex, "Model call failed and will not be retried: {Failure}", last.Failure);
                    return last;
                }
            }

            if (toolCallsMade() > toolsBefore)
            {
                logger.LogWarning("Model call failed after tools ran ({Failure}); not retried so no tool runs twice.", last.Failure);
                return last;
            }

            if (attempt <= o.MaxRetries)
            {
                var delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1));
                logger.LogInformation("Model call attempt {Attempt} failed ({Failure}); retrying in {Delay} ms.", attempt, last.Failure, delay.TotalMilliseconds);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }

        logger.LogWarning("Model gave no answer after {Attempts} attempt(s): {Failure}", last!.Attempts, last.Failure);
        return last;
    }

    private static (ModelFailureKind Kind, bool Transient) Classify(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpOperationException { StatusCode: { } status }:
                    var code = (int)status;
                    return (ModelFailureKind.Refused, code is 408 or 429 || code >= 500);
                case HttpRequestException or SocketException or IOException:
                    return (ModelFailureKind.Unreachable, true);
            }
        }

        return (ModelFailureKind.Refused, false);
    }

    private static string Describe(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpOperationException { StatusCode: { } status })
            {
                return $"HTTP {(int)status} {status}";
            }

            if (e is HttpRequestException or SocketException)
            {
                return $"could not reach the model ({e.Message})";
            }
        }

        return ex.GetType().Name + ": " + ex.Message;
    }
}
