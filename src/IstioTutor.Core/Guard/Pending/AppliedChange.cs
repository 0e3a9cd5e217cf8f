namespace IstioTutor.Core.Guard.Pending;

/// <summary>A confirmed change as history keeps it, so <c>/undo</c> can restore the objects it replaced.</summary>
public sealed record AppliedChange(
    string Id,
    string LearnerId,
    string Namespace,
    DateTimeOffset At,
    PendingPurpose Purpose,
    string Summary,
    IReadOnlyList<AppliedStep> Steps,
    bool Undone = false);
