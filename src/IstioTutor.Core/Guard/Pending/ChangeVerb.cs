namespace IstioTutor.Core.Guard.Pending;

public enum ChangeVerb
{
    Create,
    Replace,
    Delete,
}
