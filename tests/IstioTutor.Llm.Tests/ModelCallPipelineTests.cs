using System.Diagnostics;
using IstioTutor.Core.Answering;
using IstioTutor.Core.Answering.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IstioTutor.Llm.Tests;

/// <summary>The retry and timeout rules every model and embedding call goes through, on real time with short waits.</summary>
public sealed class ModelCallPipelineTests
{
    [Fact]
    public async Task A_transient_failure_is_tried_once_more_per_retry_with_doubling_waits()
    {
        var pipeline = Pipeline(maxRetries: 2, baseDelayMs: 100);
        var attempts = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<ModelCallFailedException>(() => pipeline.ExecuteAsync<int>("test", _ =>
        {
            attempts.Add(clock.Elapsed);
            throw new ModelCallFailedException(ModelFailureKind.Unreachable, "down", transient: true);
        }, CancellationToken.None));

        Assert.Equal(3, attempts.Count);
        Assert.Equal(ModelFailureKind.Unreachable, failure.Kind);
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromMilliseconds(90), $"first wait {attempts[1] - attempts[0]}");
        Assert.True(attempts[2] - attempts[1] >= TimeSpan.FromMilliseconds(190), $"second wait {attempts[2] - attempts[1]}");
    }

    [Fact]
    public async Task A_failure_that_will_not_pass_is_not_retried()
    {
        var pipeline = Pipeline(maxRetries: 2, baseDelayMs: 10);
        var attempts = 0;

        await Assert.ThrowsAsync<ModelCallFailedException>(() => pipeline.ExecuteAsync<int>("test", _ =>
        {
            attempts++;
            throw new ModelCallFailedException(ModelFailureKind.Refused, "HTTP 401 Unauthorized", transient: false);
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task An_attempt_past_the_timeout_is_cut_retried_and_reported_as_timed_out()
    {
        var pipeline = Pipeline(maxRetries: 1, baseDelayMs: 10, timeoutSeconds: 1);
        var attempts = 0;

        var failure = await Assert.ThrowsAsync<ModelCallFailedException>(() => pipeline.ExecuteAsync("test", async token =>
        {
            attempts++;
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return 0;
        }, CancellationToken.None));

        Assert.Equal(2, attempts);
        Assert.Equal(ModelFailureKind.TimedOut, failure.Kind);
        Assert.Equal("no reply within 1 s", failure.Message);
    }

    [Fact]
    public async Task Zero_retries_means_a_single_attempt()
    {
        var pipeline = Pipeline(maxRetries: 0, baseDelayMs: 10);
        var attempts = 0;

        await Assert.ThrowsAsync<ModelCallFailedException>(() => pipeline.ExecuteAsync<int>("test", _ =>
        {
            attempts++;
            throw new ModelCallFailedException(ModelFailureKind.Unreachable, "down", transient: true);
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task The_callers_cancellation_ends_the_call_without_a_retry()
    {
        var pipeline = Pipeline(maxRetries: 2, baseDelayMs: 10);
        using var cancel = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ExecuteAsync("test", async token =>
        {
            attempts++;
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
            return 0;
        }, cancel.Token));

        Assert.Equal(1, attempts);
    }

    private static ModelCallPipeline Pipeline(int maxRetries, int baseDelayMs, int timeoutSeconds = 30) =>
        new(
            Options.Create(new LlmOptions { MaxRetries = maxRetries, RetryBaseDelayMilliseconds = baseDelayMs, RequestTimeoutSeconds = timeoutSeconds }),
            TimeProvider.System,
            NullLogger<ModelCallPipeline>.Instance);
}
