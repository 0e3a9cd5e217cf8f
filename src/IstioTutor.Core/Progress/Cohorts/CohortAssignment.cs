namespace IstioTutor.Core.Progress.Cohorts;

/// <summary>One step of a cohort's path: reach a stage, or pass a lab, by a due date.</summary>
public sealed record CohortAssignment(AssignmentKind Kind, string Target, DateOnly Due);
