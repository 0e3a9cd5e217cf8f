namespace IstioTutor.Core.Progress.Storage;

/// <summary>Reads the per-learner summaries that every progress write maintains.</summary>
public sealed class LiteDbProgressSummaries(TutorDatabase db) : IProgressSummaries
{
    public LearnerProgress? Get(string learnerId) => SummaryBuckets.Get(db.Database, learnerId);

    public IReadOnlyList<LearnerProgress> InCohort(string cohortName)
    {
        var id = cohortName.ToLowerInvariant();
        return SummaryBuckets.All(db.Database).Where(p => p.Cohorts.Contains(id, StringComparer.Ordinal)).ToArray();
    }

    public IReadOnlyList<LearnerProgress> All() => SummaryBuckets.All(db.Database).ToArray();
}
