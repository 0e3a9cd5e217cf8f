using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Reports;

/// <summary>
/// A cohort at a glance: one row per learner plus the figures the dashboard charts (stage distribution,
/// labs passed per day, quiz averages in 10-point buckets).
/// </summary>
public sealed record CohortReport(
    string Cohort,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<LearnerReportRow> Learners,
    IReadOnlyDictionary<Stage, int> StageDistribution,
    IReadOnlyList<DailyCount> LabsPassedPerDay,
    IReadOnlyList<int> QuizAverageBuckets)
{
    public int StuckCount => Learners.Count(l => l.IsStuck);
}
