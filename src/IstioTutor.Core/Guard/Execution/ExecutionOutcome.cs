using IstioTutor.Core.Guard.Pending;

namespace IstioTutor.Core.Guard.Execution;

/// <summary>
/// What confirming a preview did: every write (<see cref="Failed"/> null), or none — the writes before
/// <see cref="Failed"/> were rolled back, and <see cref="Reason"/> says why it failed.
/// </summary>
internal sealed record ExecutionOutcome(IReadOnlyList<AppliedStep> Done, PlannedChange? Failed = null, GuardRefusal? Reason = null);
