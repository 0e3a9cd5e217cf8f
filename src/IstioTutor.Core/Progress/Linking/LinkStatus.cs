namespace IstioTutor.Core.Progress.Linking;

public enum LinkStatus
{
    Linked,
    UnknownCode,
    Expired,
    AlreadyLinked,
}
