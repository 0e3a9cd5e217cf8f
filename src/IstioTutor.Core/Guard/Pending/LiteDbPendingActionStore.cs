using IstioTutor.Core.Progress.Storage;

namespace IstioTutor.Core.Guard.Pending;

/// <summary>Pending actions and applied-change history in the tutor's LiteDB file, so a preview made by one
/// <c>istiotutor ask</c> can be confirmed by the next.</summary>
public sealed class LiteDbPendingActionStore : IPendingActionStore
{
    private readonly TutorDatabase _db;
    private readonly Lock _transition = new();

    public LiteDbPendingActionStore(TutorDatabase db)
    {
        _db = db;
        Actions.EnsureIndex(x => x.LearnerId);
        Applied.EnsureIndex(x => x.LearnerId);
    }

    private LiteDB.ILiteCollection<PendingActionDocument> Actions => _db.Database.GetCollection<PendingActionDocument>(PendingActionDocument.Collection);

    private LiteDB.ILiteCollection<AppliedChangeDocument> Applied => _db.Database.GetCollection<AppliedChangeDocument>(AppliedChangeDocument.Collection);

    public void Save(PendingAction action) => Actions.Upsert(PendingActionDocument.From(action));

    public PendingAction? Find(string id) => Actions.FindById(id)?.ToAction();

    public PendingAction? LatestPending(string learnerId, string conversationId) =>
        AllPending(learnerId, conversationId) is { Count: > 0 } all ? all[0] : null;

    public IReadOnlyList<PendingAction> AllPending(string learnerId, string conversationId) =>
        Actions.Find(x => x.LearnerId == learnerId && x.ConversationId == conversationId && x.Status == (int)PendingStatus.Pending)
            .OrderByDescending(x => x.CreatedAt)
            .Select(x => x.ToAction())
            .ToArray();

    public bool TryTransition(string id, PendingStatus status)
    {
        lock (_transition)
        {
            var doc = Actions.FindById(id);
            if (doc is null || doc.Status != (int)PendingStatus.Pending)
            {
                return false;
            }

            doc.Status = (int)status;
            return Actions.Update(doc);
        }
    }

    public void RecordApplied(AppliedChange change) => Applied.Upsert(AppliedChangeDocument.From(change));

    public AppliedChange? LatestUndoable(string learnerId, string ns) =>
        Applied.Find(x => x.LearnerId == learnerId && x.Namespace == ns && !x.Undone)
            .Where(x => x.Purpose != (int)PendingPurpose.Undo)
            .OrderByDescending(x => x.At)
            .FirstOrDefault()?.ToChange();

    public void MarkUndone(string changeId)
    {
        var doc = Applied.FindById(changeId);
        if (doc is not null)
        {
            doc.Undone = true;
            Applied.Update(doc);
        }
    }

    public IReadOnlyList<AppliedChange> History(string learnerId, int limit = 100) =>
        Applied.Find(x => x.LearnerId == learnerId).OrderByDescending(x => x.At).Take(limit).Select(x => x.ToChange()).ToArray();
}
