using IstioTutor.Core.Labs;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Stages;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Tests.Progress;

public sealed class StageRuleTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The real lab catalogue, so these tests see the core flags the labs actually declare.</summary>
    private static readonly ILabRoster Catalogue = new ServiceCollection().AddLabs().BuildServiceProvider().GetRequiredService<ILabRoster>();

    private static StageRule Rule(Dictionary<string, List<string>>? overrides = null) => new(
        Options.Create(new ProgressOptions
        {
            QuizThreshold = 0.7,
            MinQuizzesPerStage = 2,
            CoreLabs = overrides ?? new(StringComparer.OrdinalIgnoreCase),
        }),
        Catalogue);

    private static LearnerProgress Progress(string[] labsPassed, params (string Lesson, double Score, Stage Stage)[] quizzes) => new()
    {
        LearnerId = "x",
        QuizScores = quizzes.ToDictionary(q => q.Lesson, q => new QuizScore(q.Score, q.Stage, At)),
        LabsPassed = labsPassed.ToDictionary(l => l, _ => At),
    };

    [Fact]
    public void The_beginner_core_lab_comes_from_the_catalogue()
    {
        Assert.Equal(["bookinfo-gateway"], Rule().CoreLabs(Stage.Beginner));
    }

    [Fact]
    public void The_intermediate_core_labs_come_from_the_catalogue_in_curriculum_order()
    {
        Assert.Equal(
            ["request-routing", "traffic-shifting", "fault-injection", "timeouts-retries", "circuit-breaking", "mtls-strict", "authz-policy"],
            Rule().CoreLabs(Stage.Intermediate));
    }

    [Fact]
    public void Every_core_lab_in_the_catalogue_belongs_to_the_stage_it_gates()
    {
        var rule = Rule();
        foreach (var lab in Catalogue.Labs)
        {
            Assert.Equal(lab.CoreForPromotion, rule.CoreLabs(lab.Stage).Contains(lab.Id));
        }
    }

    [Fact]
    public void A_configured_list_overrides_the_catalogue_for_that_stage_only()
    {
        var rule = Rule(new(StringComparer.OrdinalIgnoreCase) { ["beginner"] = [] });

        Assert.Empty(rule.CoreLabs(Stage.Beginner));
        Assert.Contains("request-routing", rule.CoreLabs(Stage.Intermediate));
    }

    [Fact]
    public void Core_labs_passed_and_quizzes_at_the_threshold_make_a_learner_ready_for_the_next_stage()
    {
        var verdict = Rule().Evaluate(Stage.Beginner, Progress(["bookinfo-gateway"], ("a", 0.6, Stage.Beginner), ("b", 0.8, Stage.Beginner)));
        Assert.True(verdict.Ready);
        Assert.Equal(Stage.Intermediate, verdict.Next);
    }

    [Fact]
    public void A_missing_core_lab_blocks_promotion_and_is_named()
    {
        var verdict = Rule().Evaluate(Stage.Beginner, Progress([], ("a", 1, Stage.Beginner), ("b", 1, Stage.Beginner)));
        Assert.False(verdict.Ready);
        Assert.Equal(["bookinfo-gateway"], verdict.MissingLabs);
    }

    [Fact]
    public void An_elective_lab_passed_does_not_stand_in_for_a_core_one()
    {
        var verdict = Rule().Evaluate(Stage.Intermediate, Progress(
            ["request-routing", "traffic-shifting", "fault-injection", "timeouts-retries", "circuit-breaking", "mtls-strict", "jwt-auth"],
            ("a", 1, Stage.Intermediate), ("b", 1, Stage.Intermediate)));
        Assert.False(verdict.Ready);
        Assert.Equal(["authz-policy"], verdict.MissingLabs);
    }

    [Fact]
    public void A_quiz_average_below_the_threshold_blocks_promotion()
    {
        Assert.False(Rule().Evaluate(Stage.Beginner, Progress(["bookinfo-gateway"], ("a", 0.6, Stage.Beginner), ("b", 0.7, Stage.Beginner))).Ready);
    }

    [Fact]
    public void Too_few_quizzes_of_the_stage_block_promotion()
    {
        Assert.False(Rule().Evaluate(Stage.Beginner, Progress(["bookinfo-gateway"], ("a", 1, Stage.Beginner), ("b", 1, Stage.Intermediate))).Ready);
    }

    [Fact]
    public void A_stage_configured_without_core_labs_moves_on_by_its_quizzes_alone()
    {
        var rule = Rule(new(StringComparer.OrdinalIgnoreCase) { ["intermediate"] = [] });
        Assert.True(rule.Evaluate(Stage.Intermediate, Progress([], ("a", 0.9, Stage.Intermediate), ("b", 0.9, Stage.Intermediate))).Ready);
    }

    [Fact]
    public void Advanced_is_the_last_stage()
    {
        var verdict = Rule().Evaluate(Stage.Advanced, Progress(["bookinfo-gateway"], ("a", 1, Stage.Advanced), ("b", 1, Stage.Advanced)));
        Assert.False(verdict.Ready);
        Assert.Null(verdict.Next);
    }

    [Fact]
    public void A_configured_lab_id_missing_from_the_catalogue_fails_validation_naming_it()
    {
        var result = new CoreLabsValidator(Catalogue).Validate(null, new ProgressOptions
        {
            CoreLabs = new(StringComparer.OrdinalIgnoreCase) { ["beginner"] = ["sidecar-injection"] },
        });

        Assert.True(result.Failed);
        Assert.Contains("Progress:CoreLabs:beginner names the lab 'sidecar-injection'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_list_for_an_unknown_stage_fails_validation()
    {
        var result = new CoreLabsValidator(Catalogue).Validate(null, new ProgressOptions
        {
            CoreLabs = new(StringComparer.OrdinalIgnoreCase) { ["expert"] = ["bookinfo-gateway"] },
        });

        Assert.True(result.Failed);
        Assert.Contains("'expert', which is not a stage", result.FailureMessage, StringComparison.Ordinal);
    }
}
