using IstioTutor.Core.Progress.Storage;

namespace IstioTutor.Core.Guard.Audit;

/// <summary>The audit log in the tutor's LiteDB file, beside learners and progress.</summary>
public sealed class LiteDbAuditLog : IAuditLog
{
    private readonly TutorDatabase _db;

    public LiteDbAuditLog(TutorDatabase db)
    {
        _db = db;
        _db.Database.GetCollection<AuditDocument>(AuditDocument.Collection).EnsureIndex(x => x.LearnerId);
    }

    public void Record(AuditEntry entry) =>
        _db.Database.GetCollection<AuditDocument>(AuditDocument.Collection).Insert(AuditDocument.From(entry));

    public IReadOnlyList<AuditEntry> Query(string? learnerId = null, int limit = 500)
    {
        var collection = _db.Database.GetCollection<AuditDocument>(AuditDocument.Collection);
        var found = learnerId is null ? collection.FindAll() : collection.Find(x => x.LearnerId == learnerId);
        return found.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).Take(limit).Select(x => x.ToEntry()).ToArray();
    }
}
