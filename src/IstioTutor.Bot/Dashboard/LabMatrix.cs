using IstioTutor.Core.Labs;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Reports;

namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// Who passed which lab and who is stuck where, for one cohort: a row per learner (in the report's order), a
/// column per lab (the catalogue's order, then any other lab a learner checked).
/// </summary>
internal sealed record LabMatrix(IReadOnlyList<string> Labs, IReadOnlyList<LabMatrixRow> Rows)
{
    public static LabMatrix For(CohortReport report, IProgressSummaries summaries, LabCatalog catalog)
    {
        var rows = report.Learners.Select(r =>
        {
            var progress = summaries.Get(r.LearnerId);
            return new LabMatrixRow(
                r.LearnerId,
                r.DisplayName,
                progress?.LabsPassed ?? new Dictionary<string, DateTimeOffset>(),
                progress?.FailingLab,
                progress?.FailingLabCount ?? 0);
        }).ToList();
        var known = catalog.All.Select(l => l.Definition.Id).ToList();
        var others = rows.SelectMany(r => r.Passed.Keys.Append(r.FailingLab ?? ""))
            .Where(id => id.Length > 0 && !known.Contains(id, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new LabMatrix([.. known, .. others], rows);
    }
}

/// <summary>One learner's labs: when each passed, and the lab whose latest checks failed in a row.</summary>
internal sealed record LabMatrixRow(string LearnerId, string DisplayName, IReadOnlyDictionary<string, DateTimeOffset> Passed, string? FailingLab, int FailingCount);
