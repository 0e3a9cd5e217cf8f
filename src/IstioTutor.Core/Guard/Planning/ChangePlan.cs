using IstioTutor.Core.Guard.Pending;

namespace IstioTutor.Core.Guard.Planning;

/// <summary>
/// What a preview will do, before it is stored: the writes, one diff of them all, a one-line summary and
/// notes for the learner (objects left unchanged, dated apiVersions, validation warnings).
/// </summary>
internal sealed record ChangePlan(
    PendingPurpose Purpose,
    string TargetNamespace,
    IReadOnlyList<PlannedChange> Changes,
    string Summary,
    string Diff,
    IReadOnlyList<string> Notes,
    string? UndoesChangeId = null);
