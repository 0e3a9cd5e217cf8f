using System.Text.Encodings.Web;
using System.Text.Json;
using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

/// <summary>
/// The tool schemas' descriptions name Bookinfo's services ("e.g. 'reviews'") and are not masked: these
/// tests pin down why that leaks nothing — they are the same bytes for every learner and carry none of a
/// learner's names.
/// </summary>
[Collection(LlmCollection.Name)]
public sealed class ToolSchemaPrivacyTests
{
    private const string Question = "How do I send half of the reviews traffic to v3 with a VirtualService?";
    private readonly LlmFixture _fixture;

    public ToolSchemaPrivacyTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
    }

    private async Task<string> ToolsSentForAsync(TutorHarness tutor, string learner)
    {
        _fixture.Model.Reset();
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text($"Use weights [{References.Ids(r.LastUser)[0]}].")));
        await tutor.AskAsync(Question, learner: learner);
        return _fixture.Model.Received.Single().Json["tools"]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    [Fact]
    public async Task Tool_schemas_are_identical_for_every_learner_and_name_none_of_them()
    {
        using var tutor = new TutorHarness(_fixture, new Dictionary<string, string?> { ["Llm:MaskResourceNames"] = "true" });

        var forDora = await ToolsSentForAsync(tutor, "dora");
        var forEmil = await ToolsSentForAsync(tutor, "emil");

        Assert.Equal(forDora, forEmil);
        Assert.Contains("e.g. 'reviews'", forDora, StringComparison.Ordinal);
        Assert.DoesNotContain("dora", forDora, StringComparison.Ordinal);
        Assert.DoesNotContain("learn-", forDora, StringComparison.Ordinal);
    }
}
