namespace IstioTutor.Core.Guard.Pending;

/// <summary>What a pending action was previewed for; all are applied by the same confirmation path.</summary>
public enum PendingPurpose
{
    Apply,
    Delete,
    Undo,
    Reset,
}
