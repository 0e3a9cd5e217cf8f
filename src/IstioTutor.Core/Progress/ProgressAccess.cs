using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>
/// Who may read whose progress, enforced in code for every door: learners see only themselves,
/// mentors see the members of cohorts they mentor, admins see everyone.
/// </summary>
public sealed class ProgressAccess(ICohortStore cohorts)
{
    public bool CanViewLearner(Learner viewer, string learnerId)
    {
        if (viewer.Id == learnerId || viewer.Role == LearnerRole.Admin)
        {
            return true;
        }

        return viewer.Role == LearnerRole.Mentor &&
               cohorts.ForLearner(learnerId).Any(c => c.Mentors.Contains(viewer.Id, StringComparer.Ordinal) && cohorts.Members(c.Name).Contains(learnerId, StringComparer.Ordinal));
    }

    public bool CanManageCohort(Learner viewer, Cohort cohort) =>
        viewer.Role == LearnerRole.Admin ||
        (viewer.Role == LearnerRole.Mentor && cohort.Mentors.Contains(viewer.Id, StringComparer.Ordinal));
}
