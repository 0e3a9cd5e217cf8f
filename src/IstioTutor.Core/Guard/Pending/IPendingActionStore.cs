namespace IstioTutor.Core.Guard.Pending;

/// <summary>Pending actions and the history of applied changes, durable between processes (LiteDB).</summary>
public interface IPendingActionStore
{
    void Save(PendingAction action);

    PendingAction? Find(string id);

    /// <summary>The newest still-pending action of this learner in this conversation.</summary>
    PendingAction? LatestPending(string learnerId, string conversationId);

    /// <summary>Every still-pending action of this learner in this conversation.</summary>
    IReadOnlyList<PendingAction> AllPending(string learnerId, string conversationId);

    /// <summary>Moves an action from Pending to <paramref name="status"/>; false if it was no longer pending (already used).</summary>
    bool TryTransition(string id, PendingStatus status);

    void RecordApplied(AppliedChange change);

    /// <summary>The learner's newest applied change in the namespace that has not been undone (undo/reset changes excluded).</summary>
    AppliedChange? LatestUndoable(string learnerId, string ns);

    void MarkUndone(string changeId);

    /// <summary>Applied changes of a learner, newest first (labs read the path a learner took, e.g. 50/50 before 100%).</summary>
    IReadOnlyList<AppliedChange> History(string learnerId, int limit = 100);
}
