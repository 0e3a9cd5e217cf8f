namespace IstioTutor.Core.Progress.Reports;

/// <summary>Why a learner is flagged as stuck, with the figure that triggered it.</summary>
public sealed record StuckReason(StuckKind Kind, string Detail);
