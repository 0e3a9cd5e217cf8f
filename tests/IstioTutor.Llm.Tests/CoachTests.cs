using System.Net;
using IstioTutor.Core.Answering.Llm;
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
    public async Task Lab_hint_sends_the_findings_and_lesson_sections_and_offers_no_tools()
    {
        var lesson = _fixture.Knowledge.Curriculum.Lessons.First(l => l.Lang == "en" && l.Sections.Count > 1);
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text($"Look at the gateway's hosts field [{References.Ids(r.LastUser)[0]}].")));

        var hint = await _tutor.Get<LlmCoach>().LabHintAsync(
            "bookinfo-gateway", ["Gateway bookinfo-gateway is missing", "VirtualService has no gateways field"], lesson.Sections, "en", Stage.Beginner, CancellationToken.None);

        var request = _fixture.Model.Received.Single();
        Assert.Contains("- VirtualService has no gateways field", request.LastUser, StringComparison.Ordinal);
        Assert.Empty(request.ToolNames);
        Assert.NotNull(hint);
        Assert.Single(hint.Citations);
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
