using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// One system's totals over some outcomes. Lesson and term figures are over on-topic questions whose
/// lesson exists in the loaded curriculum (<see cref="Answerable"/>); section figures over those that
/// also name a section; refusals over off-topic questions. <see cref="ByLang"/> and <see cref="ByStage"/>
/// (the question's own stage) slice the same outcomes.
/// </summary>
public sealed record EvalScore(string System, IReadOnlyList<EvalOutcome> Outcomes)
{
    private EvalOutcome[] OnTopic => Outcomes.Where(o => !o.Question.OffTopic).ToArray();

    public int Answerable => OnTopic.Length;

    public int Top1 => OnTopic.Count(o => o.Top1);

    public int Top3 => OnTopic.Count(o => o.Top3);

    public int SectionQuestions => OnTopic.Count(o => o.Question.Section is not null);

    public int SectionTop1 => OnTopic.Count(o => o.SectionTop1);

    public int SectionTop3 => OnTopic.Count(o => o.SectionTop3);

    /// <summary>Answers that are grounded and hold the expected terms.</summary>
    public int Hits => OnTopic.Count(o => o.Hit);

    public int StageMatches => OnTopic.Count(o => o.StageMatch);

    public int OffTopic => Outcomes.Count(o => o.Question.OffTopic);

    public int Refused => Outcomes.Count(o => o.Question.OffTopic && !o.Grounded);

    public double Top1Rate => Rate(Top1, Answerable);

    public double Top3Rate => Rate(Top3, Answerable);

    public double HitRate => Rate(Hits, Answerable);

    public double StageMatchRate => Rate(StageMatches, Answerable);

    public double RefusalRate => Rate(Refused, OffTopic);

    public IReadOnlyDictionary<string, EvalScore> ByLang =>
        Outcomes.GroupBy(o => o.Question.Lang).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new EvalScore(System, g.ToArray()), StringComparer.Ordinal);

    /// <summary>On-topic outcomes by the stage the question belongs to (off-topic ones have none).</summary>
    public IReadOnlyDictionary<Stage, EvalScore> ByStage =>
        Outcomes.Where(o => o.Question.Stage is not null).GroupBy(o => o.Question.Stage!.Value).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => new EvalScore(System, g.ToArray()));

    /// <summary>The latency below which 95 % of the questions were answered, in milliseconds.</summary>
    public double P95Milliseconds
    {
        get
        {
            var sorted = Outcomes.Select(o => o.Milliseconds).Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
        }
    }

    private static double Rate(int n, int d) => d == 0 ? 0 : (double)n / d;
}
