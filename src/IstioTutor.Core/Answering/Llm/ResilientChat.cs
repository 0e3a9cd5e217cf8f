using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// One model call through <see cref="ModelCallPipeline"/> (per-attempt timeout, retries with exponential
/// backoff on failures that may pass: timeouts, connection errors, 408/429/5xx, an empty reply). A retry is
/// not made once a tool has run in the failed attempt, so a preview is never made twice behind the
/// learner's back.
/// </summary>
public sealed class ResilientChat(ModelCallPipeline pipeline, ILogger<ResilientChat> logger)
{
    public async Task<ChatOutcome> CompleteAsync(
        Kernel kernel,
        ChatHistory history,
        PromptExecutionSettings settings,
        Func<int> toolCallsMade,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(toolCallsMade);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var attempts = 0;
        try
        {
            var text = await pipeline.ExecuteAsync("Model call", async token =>
            {
                attempts++;
                var toolsBefore = toolCallsMade();
                try
                {
                    return await AskOnceAsync(chat, kernel, history, settings, token);
                }
                catch (Exception e) when (toolCallsMade() > toolsBefore && !cancellationToken.IsCancellationRequested)
                {
                    var failure = e as ModelCallFailedException
                        ?? (e is OperationCanceledException ? new ModelCallFailedException(ModelFailureKind.TimedOut, pipeline.TimeoutFailure, transient: false, e) : ModelCallFailedException.From(e, "model"));
                    throw new ModelCallFailedException(failure.Kind, failure.Message, transient: false, e) { ToolsRan = true };
                }
            }, cancellationToken);
            return ChatOutcome.Answered(text, attempts);
        }
        catch (ModelCallFailedException e)
        {
            if (e.ToolsRan)
            {
                logger.LogWarning("Model call failed after tools ran ({Failure}); not retried so no tool runs twice.", e.Message);
            }
            else if (!e.Transient)
            {
                logger.LogWarning(e.InnerException, "Model call failed and will not be retried: {Failure}", e.Message);
            }
            else
            {
                logger.LogWarning("Model gave no answer after {Attempts} attempt(s): {Failure}", attempts, e.Message);
            }

            return new ChatOutcome(null, e.Kind, e.Message, attempts);
        }
    }

    private static async ValueTask<string> AskOnceAsync(IChatCompletionService chat, Kernel kernel, ChatHistory history, PromptExecutionSettings settings, CancellationToken token)
    {
        try
        {
            // A fresh copy per attempt: SK appends tool-call rounds to the history it is given.
            var reply = await chat.GetChatMessageContentAsync(new ChatHistory(history), settings, kernel, token);
            var text = reply.Content?.Trim();
            return !string.IsNullOrEmpty(text)
                ? text
                : throw new ModelCallFailedException(ModelFailureKind.Empty, "the model returned an empty reply", transient: true);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ModelCallFailedException)
        {
            throw ModelCallFailedException.From(e, "model");
        }
    }
}
