using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Llm.Tests;

/// <summary>
/// Stage promotion end to end with no model: real quizzes through /quiz and /answer, and the beginner core
/// lab solved with its reference solution through /apply, /confirm and /check on the embedded sandbox.
/// (It lives here because this project composes the whole tutor over a real sandbox.)
/// </summary>
[Collection(LlmCollection.Name)]
public sealed class StagePromotionFlowTests : IDisposable
{
    private readonly LlmFixture _fixture;
    private readonly TutorHarness _tutor;

    public StagePromotionFlowTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
        _tutor = new TutorHarness(fixture, new Dictionary<string, string?> { ["Llm:Provider"] = "none" });
    }

    public void Dispose() => _tutor.Dispose();

    private Task<TurnResult> SayAsync(string text) =>
        _tutor.Pipeline.HandleAsync(new TurnRequest(Door.Terminal, "bea", "c1", text, DisplayName: "bea"));

    /// <summary>Takes a lesson's quiz answering every question right; returns the last reply.</summary>
    private async Task<TurnResult> PassQuizAsync(string lessonId)
    {
        var lesson = _fixture.Knowledge.Curriculum.Find(lessonId, "en")!;
        await SayAsync($"/quiz {lessonId}");
        TurnResult last = null!;
        foreach (var question in lesson.Quiz)
        {
            // Options are shown in bea's own order, so answer by that order's number.
            last = await SayAsync($"/answer {QuizShuffle.For("bea", lesson.Id, question).CorrectIndex + 1}");
        }

        return last;
    }

    [Fact]
    public async Task Passing_the_beginner_quizzes_and_then_checking_the_core_lab_announces_the_new_stage()
    {
        var lessons = _fixture.Knowledge.Curriculum.InStage(Stage.Beginner, "en").Where(l => l.Quiz.Count > 0).Take(2).Select(l => l.Id).ToArray();
        await PassQuizAsync(lessons[0]);
        var afterQuizzes = await PassQuizAsync(lessons[1]);
        Assert.DoesNotContain("moved up", afterQuizzes.Text, StringComparison.Ordinal);
        Assert.Contains("core lab bookinfo-gateway", (await SayAsync("/progress")).Text, StringComparison.Ordinal);

        var reference = _tutor.Get<LabCatalog>().Find("bookinfo-gateway")!.Definition.ReferenceFor(_tutor.Learner("bea").Namespace);
        foreach (var yaml in reference)
        {
            var preview = await SayAsync("/apply\n```yaml\n" + yaml + "\n```");
            Assert.True(preview.PendingAction is not null, "preview failed: " + preview.Text);
            Assert.StartsWith("Applied", (await SayAsync("/confirm " + preview.PendingAction!.Id)).Text, StringComparison.Ordinal);
        }

        var checkedLab = await SayAsync("/check bookinfo-gateway");

        Assert.True(checkedLab.Check?.Passed, checkedLab.Text);
        Assert.Contains("You have completed the beginner stage and moved up to intermediate", checkedLab.Text, StringComparison.Ordinal);
        Assert.Equal(Stage.Intermediate, checkedLab.Stage);
        Assert.Equal(Stage.Intermediate, _tutor.Get<ILearnerStore>().FindByHandle("bea")!.Stage);
    }
}
