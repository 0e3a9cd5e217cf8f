namespace IstioTutor.Core.Progress.Cohorts;

/// <summary>Cohorts and their memberships. Every write is committed before it returns.</summary>
public interface ICohortStore
{
    /// <summary>Creates a cohort with a fresh join code; null if the name is taken.</summary>
    Cohort? Create(string name, string mentorId);

    Cohort? Find(string name);

    Cohort? FindByJoinCode(string joinCode);

    IReadOnlyList<Cohort> All();

    /// <summary>Adds the learner to the cohort; false if they were already a member.</summary>
    bool AddMember(string cohortName, string learnerId);

    /// <summary>Adds many learners in one transaction; returns how many were new members.</summary>
    int AddMembers(string cohortName, IEnumerable<string> learnerIds);

    /// <summary>Adds or replaces (same kind and target) an assignment.</summary>
    Cohort Assign(string cohortName, CohortAssignment assignment);

    /// <summary>The ids of the cohort's members.</summary>
    IReadOnlyList<string> Members(string cohortName);

    /// <summary>The cohorts the learner belongs to or mentors.</summary>
    IReadOnlyList<Cohort> ForLearner(string learnerId);
}
