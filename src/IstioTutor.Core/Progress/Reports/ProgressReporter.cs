using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Reports;

/// <summary>Builds mentor reports from the progress summaries; applies the "who is stuck" rules.</summary>
public sealed class ProgressReporter(IProgressSummaries summaries, ICohortStore cohorts, IOptions<ProgressOptions> options, TimeProvider clock)
{
    /// <summary>The cohort's report, or null if there is no such cohort.</summary>
    public CohortReport? ForCohort(string cohortName)
    {
        var cohort = cohorts.Find(cohortName);
        return cohort is null ? null : Build(cohort.Name, summaries.InCohort(cohort.Name), cohort.Assignments);
    }

    /// <summary>Every learner, for administrators and scripts.</summary>
    public CohortReport Everyone() => Build("*", summaries.All(), []);

    public LearnerReportRow? ForLearner(string learnerId)
    {
        var summary = summaries.Get(learnerId);
        if (summary is null)
        {
            return null;
        }

        var assignments = cohorts.ForLearner(learnerId)
            .Where(c => summary.Cohorts.Contains(c.Name.ToLowerInvariant(), StringComparer.Ordinal))
            .SelectMany(c => c.Assignments)
            .ToArray();
        return Row(summary, assignments, clock.GetUtcNow());
    }

    private CohortReport Build(string name, IReadOnlyList<LearnerProgress> members, IReadOnlyList<CohortAssignment> assignments)
    {
        var now = clock.GetUtcNow();
        var rows = new LearnerReportRow[members.Count];
        var stages = new Dictionary<Stage, int> { [Stage.Beginner] = 0, [Stage.Intermediate] = 0, [Stage.Advanced] = 0 };
        var labDays = new SortedDictionary<DateOnly, int>();
        var buckets = new int[10];
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            rows[i] = Row(m, assignments, now);
            stages[m.Stage]++;
            foreach (var passed in m.LabsPassed.Values)
            {
                var day = DateOnly.FromDateTime(passed.UtcDateTime);
                labDays[day] = labDays.GetValueOrDefault(day) + 1;
            }

            if (m.QuizAverage is { } avg)
            {
                buckets[Math.Min(9, (int)(avg * 10))]++;
            }
        }

        Array.Sort(rows, (a, b) => b.IsStuck.CompareTo(a.IsStuck) is var c and not 0 ? c : string.CompareOrdinal(a.LearnerId, b.LearnerId));
        return new CohortReport(name, now, rows, stages, labDays.Select(d => new DailyCount(d.Key, d.Value)).ToArray(), buckets);
    }

    private LearnerReportRow Row(LearnerProgress p, IReadOnlyList<CohortAssignment> assignments, DateTimeOffset now)
    {
        var o = options.Value;
        var stuck = new List<StuckReason>();
        var since = p.LastProgressAt ?? p.LastActiveAt;
        var idle = now - since;
        if (idle >= TimeSpan.FromDays(o.StuckAfterDays))
        {
            stuck.Add(new StuckReason(StuckKind.NoProgress, $"no progress for {(int)idle.TotalDays} days"));
        }

        if (p.FailingLab is { } lab && p.FailingLabCount >= o.RepeatedLabFailures)
        {
            stuck.Add(new StuckReason(StuckKind.RepeatedLabFailure, $"lab {lab} failed {p.FailingLabCount} times in a row"));
        }

        if (p.RecentUngrounded >= o.UngroundedQuestions)
        {
            stuck.Add(new StuckReason(StuckKind.UngroundedQuestions, $"{p.RecentUngrounded} of the last {p.RecentQuestions.Count} questions unanswered by the curriculum"));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var a in assignments.Where(a => a.Due < today && !IsDone(a, p)))
        {
            stuck.Add(new StuckReason(StuckKind.Overdue, $"{a.Kind.ToString().ToLowerInvariant()} {a.Target} was due {a.Due:yyyy-MM-dd}"));
        }

        return new LearnerReportRow(
            p.LearnerId, DisplayText.Name(p.DisplayName), p.Stage, p.LessonsFinished.Count, p.LabsPassed.Count, p.QuizAverage,
            p.QuestionsAsked, p.LastActiveAt, p.LastProgressAt, stuck);
    }

    public static bool IsDone(CohortAssignment a, LearnerProgress p) => a.Kind switch
    {
        AssignmentKind.Stage => StageNames.TryParse(a.Target, out var s) && p.Stage >= s,
        AssignmentKind.Lab => p.LabsPassed.ContainsKey(a.Target),
        _ => false,
    };
}
