using IstioTutor.Core.Answering.Evaluation;
using IstioTutor.Core.Tests.Knowledge;

namespace IstioTutor.Core.Tests.Answering;

/// <summary>
/// The engine against the evaluation sets: questions.yaml (development: the engine was tuned on it) and
/// holdout.yaml (written before tuning and never tuned on). Floors sit just below what the engine measures
/// on the curriculum as it stands (see README); a drop on the held-out set means a change overfits.
/// Top-1 is the lesson of the answer's first citation; every set is asked by a beginner (where a new
/// learner starts) and at each question's own stage. blind.yaml is only measured, never floored or tuned on.
/// </summary>
public sealed class EvalFloorTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    // Floors sit a point or two below the figures of 2026-12-06 (README, second session): development 1,568
    // on-topic questions, top-1 96.6 %, terms 88.1 %, off-topic refused 108/111; held-out top-1 61/63, terms
    // 60/63. The development terms floor went from 0.88 to 0.86 when the f4–f8 checks joined: their terms are
    // their section's own (at the session's start the engine held 86.6 % of the grown set). The held-out set is
    // never tuned on, so its floors follow it rather than the engine being fitted to it.
    private const double DevelopmentHitRateFloor = 0.86;
    private const double DevelopmentOffTopicRefusedFloor = 0.93;
    private const double HoldoutHitRateFloor = 0.93;
    private const double DevelopmentTop1Floor = 0.95;
    private const double HoldoutTop1Floor = 0.93;

    private static IReadOnlyList<EvalQuestion> LoadSet(string relativePath)
    {
        var path = EvalSet.Locate(AppContext.BaseDirectory, relativePath) ?? throw new FileNotFoundException($"{relativePath} not found above the test output folder");
        return EvalSet.Parse(File.ReadAllText(path), path);
    }

    [Fact]
    public void The_eval_set_has_at_least_60_questions_in_both_languages_across_all_stages_with_8_off_topic()
    {
        var set = LoadSet(EvalSet.DefaultRelativePath);

        Assert.True(set.Count >= 60, $"{set.Count} questions");
        Assert.True(set.Count(q => q.OffTopic) >= 8);
        Assert.Equal(3, set.Where(q => !q.OffTopic).Select(q => q.Stage).Distinct().Count());
        Assert.Equal(["en", "ko"], set.Select(q => q.Lang).Distinct().Order());
    }

    [Fact]
    public void The_holdout_set_has_at_least_40_questions_in_both_languages_across_all_stages_and_shares_no_question_with_the_development_set()
    {
        var holdout = LoadSet(EvalSet.HoldoutRelativePath);
        var development = LoadSet(EvalSet.DefaultRelativePath);

        Assert.True(holdout.Count(q => !q.OffTopic) >= 40, $"{holdout.Count(q => !q.OffTopic)} on-topic questions");
        Assert.True(holdout.Count(q => q.OffTopic) >= 8);
        Assert.Equal(3, holdout.Where(q => !q.OffTopic).Select(q => q.Stage).Distinct().Count());
        Assert.Equal(["en", "ko"], holdout.Select(q => q.Lang).Distinct().Order());
        Assert.Empty(holdout.Select(q => q.Question).Intersect(development.Select(q => q.Question), StringComparer.OrdinalIgnoreCase));
        Assert.Empty(holdout.Select(q => q.Id).Intersect(development.Select(q => q.Id), StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(EvalStageMode.Beginner)]
    [InlineData(EvalStageMode.Matched)]
    public async Task The_engine_cites_the_expected_lesson_first_on_the_development_set_at_its_floor(EvalStageMode mode)
    {
        var report = await new EvalRunner(fixture.Knowledge, fixture.Engine).RunAsync(LoadSet(EvalSet.DefaultRelativePath), mode, CancellationToken.None);

        Assert.True(report.Engine.Top1Rate >= DevelopmentTop1Floor, $"{mode}: top-1 {report.Engine.Top1Rate:P1} below {DevelopmentTop1Floor:P0}; misses: {Top1Misses(report.Engine)}");
    }

    [Theory]
    [InlineData(EvalStageMode.Beginner)]
    [InlineData(EvalStageMode.Matched)]
    public async Task The_engine_cites_the_expected_lesson_first_on_the_holdout_set_at_its_floor(EvalStageMode mode)
    {
        var report = await new EvalRunner(fixture.Knowledge, fixture.Engine).RunAsync(LoadSet(EvalSet.HoldoutRelativePath), mode, CancellationToken.None);

        Assert.True(report.Engine.Top1Rate >= HoldoutTop1Floor, $"{mode}: top-1 {report.Engine.Top1Rate:P1} below {HoldoutTop1Floor:P0}; misses: {Top1Misses(report.Engine)}");
    }

    [Fact]
    public void The_blind_set_has_at_least_60_questions_in_both_languages_and_shares_none_with_the_other_sets()
    {
        var blind = LoadSet(EvalSet.BlindRelativePath);
        var others = LoadSet(EvalSet.DefaultRelativePath).Concat(LoadSet(EvalSet.HoldoutRelativePath)).ToArray();

        Assert.True(blind.Count >= 60, $"{blind.Count} questions");
        Assert.Equal(["en", "ko"], blind.Select(q => q.Lang).Distinct().Order());
        Assert.Empty(blind.Select(q => q.Question).Intersect(others.Select(q => q.Question), StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_engine_holds_its_hit_rate_and_off_topic_refusal_floors_on_the_development_set()
    {
        var report = await new EvalRunner(fixture.Knowledge, fixture.Engine).RunAsync(LoadSet(EvalSet.DefaultRelativePath), EvalStageMode.Matched, CancellationToken.None);

        Assert.True(report.Engine.HitRate >= DevelopmentHitRateFloor, $"hit rate {report.Engine.HitRate:P1} below {DevelopmentHitRateFloor:P0}; misses: {Misses(report.Engine)}");
        Assert.True(report.Engine.Refused >= DevelopmentOffTopicRefusedFloor * report.Engine.OffTopic, $"refused {report.Engine.Refused} of {report.Engine.OffTopic} off-topic questions");
    }

    [Fact]
    public async Task The_engine_holds_its_hit_rate_floor_on_the_holdout_set_and_refuses_every_off_topic_question()
    {
        var report = await new EvalRunner(fixture.Knowledge, fixture.Engine).RunAsync(LoadSet(EvalSet.HoldoutRelativePath), EvalStageMode.Matched, CancellationToken.None);

        Assert.True(report.Engine.HitRate >= HoldoutHitRateFloor, $"hit rate {report.Engine.HitRate:P1} below {HoldoutHitRateFloor:P0}; misses: {Misses(report.Engine)}");
        Assert.Equal(report.Engine.OffTopic, report.Engine.Refused);
    }

    [Fact]
    public async Task The_engine_beats_the_bm25_baseline_on_both_sets()
    {
        foreach (var set in new[] { EvalSet.DefaultRelativePath, EvalSet.HoldoutRelativePath })
        {
            var report = await new EvalRunner(fixture.Knowledge, fixture.Engine).RunAsync(LoadSet(set), EvalStageMode.Matched, CancellationToken.None);

            // Top-1 is the routing the engine exists for; the expected terms also depend on the section
            // chosen, where the second fresh check's section-directed questions suit BM25 (20.0 points apart).
            Assert.True(report.Engine.Top1Rate > report.Baseline.Top1Rate + 0.2, $"{set}: top-1 engine {report.Engine.Top1Rate:P1}, baseline {report.Baseline.Top1Rate:P1}");
            Assert.True(report.Engine.HitRate > report.Baseline.HitRate + 0.15, $"{set}: terms engine {report.Engine.HitRate:P1}, baseline {report.Baseline.HitRate:P1}");
        }
    }

    private static string Top1Misses(EvalScore score) =>
        string.Join(", ", score.Outcomes.Where(o => !o.Question.OffTopic && !o.Top1).Select(o => o.Question.Id));

    private static string Misses(EvalScore score) =>
        string.Join(", ", score.Outcomes.Where(o => o.Question.OffTopic ? o.Grounded : !o.Hit).Select(o => o.Question.Id));
}
