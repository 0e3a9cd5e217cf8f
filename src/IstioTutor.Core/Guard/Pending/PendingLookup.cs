namespace IstioTutor.Core.Guard.Pending;

/// <summary>
/// The learner's own pending preview, or why they may not act on the one they named; <see cref="AuditActionId"/>
/// is the id the refusal is audited under (shortened when it is the learner's own text).
/// </summary>
internal sealed record PendingLookup(PendingAction? Action, GuardRefusal? Refusal = null, string? AuditActionId = null);
