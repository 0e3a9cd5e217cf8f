using IstioTutor.Core.Answering.Evaluation;
using IstioTutor.Core.Tests.Knowledge;

namespace IstioTutor.Core.Tests.Answering;

public sealed class EvalFloorTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    /// <summary>Just below what the engine measures on the curriculum as it stands (see README).</summary>
    private const double HitRateFloor = 0.80;

    private static IReadOnlyList<EvalQuestion> LoadSet()
    {
        var path = EvalSet.Locate(AppContext.BaseDirectory) ?? throw new FileNotFoundException("tests/eval/questions.yaml not found above the test output folder");
        return EvalSet.Parse(File.ReadAllText(path), path);
    }

    [Fact]
    public void The_eval_set_has_at_least_60_questions_in_both_languages_across_all_stages_with_8_off_topic()
    {
        var set = LoadSet();

        Assert.True(set.Count >= 60, $"{set.Count} questions");
        Assert.True(set.Count(q => q.OffTopic) >= 8);
        Assert.Equal(3, set.Where(q => !q.OffTopic).Select(q => q.Stage).Distinct().Count());
        Assert.Equal(["en", "ko"], set.Select(q => q.Lang).Distinct().Order());
    }

    [Fact]
    public async Task The_engine_holds_its_hit_rate_floor_and_refuses_every_off_topic_question()
    {
        var report = await new EvalRunner(fixture.Knowledge, fixture.Engine).RunAsync(LoadSet(), CancellationToken.None);

        Assert.True(report.Engine.HitRate >= HitRateFloor, $"hit rate {report.Engine.HitRate:P1} below {HitRateFloor:P0}");
        Assert.Equal(report.Engine.OffTopic, report.Engine.Refused);
    }
}
