namespace IstioTutor.Core.Guard.Audit;

/// <summary>Append-only record of every guarded attempt; a write is durable when the call returns.</summary>
public interface IAuditLog
{
    void Record(AuditEntry entry);

    /// <summary>Newest first; all learners when <paramref name="learnerId"/> is null.</summary>
    IReadOnlyList<AuditEntry> Query(string? learnerId = null, int limit = 500);
}
