using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

[Collection(LlmCollection.Name)]
public sealed class ResilienceTests
{
    private const string Question = "How do I send 10% of traffic to a new version with VirtualService weights?";
    private readonly LlmFixture _fixture;

    public ResilienceTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
    }

    [Fact]
    public async Task Model_refusing_connections_gives_the_offline_answer_saying_so()
    {
        using var tutor = new TutorHarness(_fixture, new Dictionary<string, string?> { ["Llm:Endpoint"] = $"http://127.0.0.1:{ClosedPort()}/v1" });

        var answer = await tutor.AskAsync(Question);

        Assert.StartsWith("The language model could not be reached, so here is the offline answer", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Grounded);
        Assert.NotEmpty(answer.Citations);
        Assert.Contains(tutor.Logs.Lines, l => l.Contains("Offline answer for learner alice after 2 model attempt(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Model_slower_than_the_timeout_gives_the_offline_answer_after_the_retries()
    {
        // 2 s per attempt: with 1 s, a machine at load 20 spent the first attempt's budget before its
        // request left, and the server saw one request instead of two.
        using var tutor = new TutorHarness(_fixture, new Dictionary<string, string?> { ["Llm:RequestTimeoutSeconds"] = "2" });
        _fixture.Model.Script(
            new ScriptedReply { Content = "too late", Delay = TimeSpan.FromSeconds(30) },
            new ScriptedReply { Content = "too late", Delay = TimeSpan.FromSeconds(30) });

        var clock = Stopwatch.StartNew();
        var answer = await tutor.AskAsync(Question);

        Assert.StartsWith("The language model did not answer within 2 s, so here is the offline answer", answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, _fixture.Model.Received.Count);
        // Two 2 s attempts, far less than waiting for even one 30 s reply; loose upper bound for a loaded CI machine.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_second_answer_is_used()
    {
        using var tutor = new TutorHarness(_fixture);
        _fixture.Model.Script(
            ScriptedReply.Error(HttpStatusCode.ServiceUnavailable),
            ScriptedReply.From(r => ScriptedReply.Text($"Weights [{References.Ids(r.LastUser)[0]}].")));

        var answer = await tutor.AskAsync(Question);

        Assert.Equal(2, _fixture.Model.Received.Count);
        Assert.StartsWith("Weights [", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Grounded);
    }

    [Fact]
    public async Task An_unauthorized_key_is_not_retried_and_falls_back_at_once()
    {
        using var tutor = new TutorHarness(_fixture);
        _fixture.Model.Script(ScriptedReply.Error(HttpStatusCode.Unauthorized), ScriptedReply.Text("should not be asked"));

        var answer = await tutor.AskAsync(Question);

        Assert.Single(_fixture.Model.Received);
        Assert.StartsWith("The language model could not process the request, so here is the offline answer", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Korean_learner_is_told_in_Korean_that_the_offline_answer_is_used()
    {
        using var tutor = new TutorHarness(_fixture, new Dictionary<string, string?> { ["Llm:Endpoint"] = $"http://127.0.0.1:{ClosedPort()}/v1" });

        var answer = await tutor.AskAsync("VirtualService 가중치로 트래픽을 나누는 방법은?", lang: "ko");

        Assert.StartsWith("언어 모델이 연결할 수 없어 커리큘럼에서 찾은 오프라인 답변을 드립니다.", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
