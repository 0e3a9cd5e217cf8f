namespace IstioTutor.Core.Guard.Audit;

public enum AuditDecision
{
    Allowed,
    Refused,
}
