using IstioTutor.Core.Observability;

namespace IstioTutor.Core.Guard.Audit;

/// <summary>
/// Counts every guarded attempt as it is audited: the guard audits each tool call, allowed or refused, in one
/// place, so counting here means no tool and no door can forget to count. A refusal is also counted under the
/// code of the rule that refused it.
/// </summary>
public sealed class MeteredAuditLog(IAuditLog inner, TutorMetrics metrics) : IAuditLog
{
    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        inner.Record(entry);
        var refused = entry.Decision == AuditDecision.Refused;
        metrics.ToolCalled(entry.Verb, refused ? "refused" : "ok");
        if (refused)
        {
            metrics.Refused(entry.Rule ?? "unspecified");
        }
    }

    public IReadOnlyList<AuditEntry> Query(string? learnerId = null, int limit = 500) => inner.Query(learnerId, limit);
}
