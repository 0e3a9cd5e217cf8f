namespace IstioTutor.Core.Guard.Pending;

public enum PendingStatus
{
    Pending,
    Applied,
    Cancelled,
    Superseded,
    Failed,
}
