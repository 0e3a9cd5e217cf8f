using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

[Collection(LlmCollection.Name)]
public sealed class PrivacyTests
{
    private readonly LlmFixture _fixture;

    public PrivacyTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
    }

    [Fact]
    public async Task With_masking_on_the_learners_names_never_reach_the_model_and_come_back_in_the_reply()
    {
        using var tutor = new TutorHarness(_fixture, new Dictionary<string, string?> { ["Llm:MaskResourceNames"] = "true" });
        _fixture.Model.Script(ScriptedReply.From(r =>
        {
            // The scripted model echoes the token it was given in place of the namespace.
            var token = System.Text.RegularExpressions.Regex.Match(r.LastUser, @"name-\d+").Value;
            return ScriptedReply.Text($"Your sidecars in {token} get injected once the namespace is labelled.");
        }));

        var answer = await tutor.AskAsync("Why does my namespace learn-carol have no sidecar injected in Istio?", learner: "carol");

        var request = _fixture.Model.Received.Single();
        Assert.DoesNotContain("learn-carol", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("carol", request.Body, StringComparison.Ordinal);
        Assert.Contains("Your sidecars in learn-carol get injected", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_masking_off_the_question_is_sent_as_written()
    {
        using var tutor = new TutorHarness(_fixture);
        _fixture.Model.Script(ScriptedReply.Text("ok"));

        await tutor.AskAsync("Why does my namespace learn-carol have no sidecar injected in Istio?", learner: "carol");

        Assert.Contains("learn-carol", _fixture.Model.Received.Single().LastUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_provider_calls_the_deployment_route_with_the_key_in_the_api_key_header_only()
    {
        using var tutor = new TutorHarness(_fixture, new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "azure-openai",
            ["Llm:Model"] = "tutor-deployment",
            ["Llm:Endpoint"] = _fixture.Model.BaseAddress.ToString(),
        });
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text($"Weights [{References.Ids(r.LastUser)[0]}].")));

        var answer = await tutor.AskAsync("How do VirtualService weights split traffic?");

        var request = _fixture.Model.Received.Single();
        Assert.StartsWith("/openai/deployments/tutor-deployment/chat/completions", request.Path, StringComparison.Ordinal);
        Assert.Equal(TutorHarness.ApiKey, request.Header("api-key"));
        Assert.DoesNotContain(TutorHarness.ApiKey, request.Body, StringComparison.Ordinal);
        Assert.True(answer.Grounded);
    }
}
