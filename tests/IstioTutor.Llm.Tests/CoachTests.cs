using System.Net;
using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Turns;
using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

[Collection(LlmCollection.Name)]
public sealed class CoachTests : IDisposable
{
    private readonly LlmFixture _fixture;
    private readonly TutorHarness _tutor;

    public CoachTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
        _tutor = new TutorHarness(fixture);
    }

    public void Dispose() => _tutor.Dispose();

    [Fact]
    public async Task Lab_hint_sends_the_goal_objects_and_lesson_sections_and_offers_no_tools()
    {
        var lab = _tutor.Get<LabCatalog>().Find("bookinfo-gateway")!.Definition;
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text($"Look at the gateway's hosts field [{References.Ids(r.LastUser)[0]}].")));

        var hint = await _tutor.Get<LlmCoach>().LabHintAsync(
            new LabHintRequest(lab, _tutor.Learner(), "en", "kind: Gateway\nmetadata:\n  name: my-gw\n", ["my-gw"], ["first hint"]), CancellationToken.None);

        var request = _fixture.Model.Received.Single();
        Assert.Contains("name: my-gw", request.LastUser, StringComparison.Ordinal);
        Assert.Contains("- first hint", request.LastUser, StringComparison.Ordinal);
        Assert.Contains(References.Ids(request.LastUser), id => id.StartsWith("ingress-gateway/", StringComparison.Ordinal));
        Assert.Empty(request.ToolNames);
        Assert.NotNull(hint);
        Assert.Single(hint.Citations);
    }

    [Fact]
    public async Task Lab_hint_masks_the_learners_object_names_when_masking_is_on_and_restores_them_in_the_hint()
    {
        using var masked = new TutorHarness(_fixture, new Dictionary<string, string?> { ["Llm:MaskResourceNames"] = "true" });
        var lab = masked.Get<LabCatalog>().Find("bookinfo-gateway")!.Definition;
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text($"Bind a VirtualService to {Between(r.LastUser, "name: ", "\n")} [{References.Ids(r.LastUser)[0]}].")));

        var hint = await masked.Get<LlmCoach>().LabHintAsync(
            new LabHintRequest(lab, masked.Learner(), "en", "kind: Gateway\nmetadata:\n  name: team-secret-gw\n", ["team-secret-gw"], []), CancellationToken.None);

        Assert.DoesNotContain("team-secret-gw", _fixture.Model.Received.Single().Body, StringComparison.Ordinal);
        Assert.NotNull(hint);
        Assert.StartsWith("Bind a VirtualService to team-secret-gw", hint.Text, StringComparison.Ordinal);
    }

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return text[start..text.IndexOf(close, start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Quiz_feedback_names_the_chosen_and_correct_options_and_is_null_when_the_model_fails()
    {
        var lesson = _fixture.Knowledge.Curriculum.Lessons.First(l => l.Lang == "ko" && l.Quiz.Count > 0);
        var question = lesson.Quiz[0];
        var wrong = (question.CorrectIndex + 1) % question.Options.Count;
        _fixture.Model.Script(ScriptedReply.Error(HttpStatusCode.BadRequest));

        var feedback = await _tutor.Get<LlmCoach>().QuizFeedbackAsync(question, wrong, lesson.Sections, "ko", Stage.Beginner, CancellationToken.None);

        var request = _fixture.Model.Received.Single();
        Assert.Contains("Learner's answer: " + question.Options[wrong], request.LastUser, StringComparison.Ordinal);
        Assert.Contains("Correct answer: " + question.Options[question.CorrectIndex], request.LastUser, StringComparison.Ordinal);
        Assert.Contains("한국어로 답하세요", request.System, StringComparison.Ordinal);
        Assert.Null(feedback);
    }
}
