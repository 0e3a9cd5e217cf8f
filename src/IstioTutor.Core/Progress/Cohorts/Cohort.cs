namespace IstioTutor.Core.Progress.Cohorts;

/// <summary>A group of learners with mentors, a join code and an assigned path.</summary>
public sealed record Cohort(
    string Name,
    string JoinCode,
    IReadOnlyList<string> Mentors,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CohortAssignment> Assignments);
