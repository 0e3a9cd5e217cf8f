using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Stages;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Tests.Progress;

public sealed class StageRuleTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly StageRule _rule = new(Options.Create(new ProgressOptions
    {
        QuizThreshold = 0.7,
        MinQuizzesPerStage = 2,
        CoreLabs = new(StringComparer.OrdinalIgnoreCase) { ["beginner"] = ["sidecar-injection"] },
    }));

    private static LearnerProgress Progress(bool labPassed, params (string Lesson, double Score, Stage Stage)[] quizzes) => new()
    {
        LearnerId = "x",
        QuizScores = quizzes.ToDictionary(q => q.Lesson, q => new QuizScore(q.Score, q.Stage, At)),
        LabsPassed = labPassed ? new Dictionary<string, DateTimeOffset> { ["sidecar-injection"] = At } : new Dictionary<string, DateTimeOffset>(),
    };

    [Fact]
    public void Core_labs_passed_and_quizzes_at_the_threshold_make_a_learner_ready_for_the_next_stage()
    {
        var verdict = _rule.Evaluate(Stage.Beginner, Progress(true, ("a", 0.6, Stage.Beginner), ("b", 0.8, Stage.Beginner)));
        Assert.True(verdict.Ready);
        Assert.Equal(Stage.Intermediate, verdict.Next);
    }

    [Fact]
    public void A_missing_core_lab_blocks_promotion_and_is_named()
    {
        var verdict = _rule.Evaluate(Stage.Beginner, Progress(false, ("a", 1, Stage.Beginner), ("b", 1, Stage.Beginner)));
        Assert.False(verdict.Ready);
        Assert.Equal(["sidecar-injection"], verdict.MissingLabs);
    }

    [Fact]
    public void A_quiz_average_below_the_threshold_blocks_promotion()
    {
        Assert.False(_rule.Evaluate(Stage.Beginner, Progress(true, ("a", 0.6, Stage.Beginner), ("b", 0.7, Stage.Beginner))).Ready);
    }

    [Fact]
    public void Too_few_quizzes_of_the_stage_block_promotion()
    {
        Assert.False(_rule.Evaluate(Stage.Beginner, Progress(true, ("a", 1, Stage.Beginner), ("b", 1, Stage.Intermediate))).Ready);
    }

    [Fact]
    public void A_stage_without_core_labs_moves_on_by_its_quizzes_alone()
    {
        Assert.True(_rule.Evaluate(Stage.Intermediate, Progress(false, ("a", 0.9, Stage.Intermediate), ("b", 0.9, Stage.Intermediate))).Ready);
    }

    [Fact]
    public void Advanced_is_the_last_stage()
    {
        var verdict = _rule.Evaluate(Stage.Advanced, Progress(true, ("a", 1, Stage.Advanced), ("b", 1, Stage.Advanced)));
        Assert.False(verdict.Ready);
        Assert.Null(verdict.Next);
    }
}
