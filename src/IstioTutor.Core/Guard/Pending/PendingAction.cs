using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Guard.Pending;

/// <summary>
/// A previewed change waiting for confirmation, bound to the learner, the conversation, its id and an
/// expiry. Only the guard creates these (<see cref="Guard.GuardedMesh"/>) and applies them (its ChangeExecutor).
/// </summary>
public sealed record PendingAction(
    string Id,
    string LearnerId,
    string ConversationId,
    Door Door,
    string TargetNamespace,
    PendingPurpose Purpose,
    IReadOnlyList<PlannedChange> Changes,
    string Summary,
    string Diff,
    IReadOnlyList<string> Findings,
    string? Prediction,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool ModelInitiated = false,
    string? UndoesChangeId = null,
    PendingStatus Status = PendingStatus.Pending)
{
    public PendingActionView ToView() => new(Id, Summary, Diff, Findings, Prediction, ExpiresAt);
}
