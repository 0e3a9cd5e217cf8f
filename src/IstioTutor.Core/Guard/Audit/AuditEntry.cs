using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Guard.Audit;

/// <summary>
/// One attempt to act on a cluster, allowed or refused: who (learner), through which door and
/// conversation, what (verb, kind, name), where (namespace), the decision and its reason, the diff a
/// preview showed, whether a model rather than the learner started it, and for a refusal the code of the
/// rule that refused it (<see cref="GuardRefusal.Code"/>).
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string LearnerId,
    Door Door,
    string ConversationId,
    string Verb,
    string? Kind,
    string? Name,
    string? Namespace,
    AuditDecision Decision,
    string Reason,
    string? Diff = null,
    bool ModelInitiated = false,
    string? ActionId = null,
    string? Rule = null);
