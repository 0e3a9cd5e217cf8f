namespace IstioTutor.Core.Progress;

/// <summary>Per-learner progress summaries, kept current by every progress write.</summary>
public interface IProgressSummaries
{
    LearnerProgress? Get(string learnerId);

    IReadOnlyList<LearnerProgress> InCohort(string cohortName);

    IReadOnlyList<LearnerProgress> All();
}
