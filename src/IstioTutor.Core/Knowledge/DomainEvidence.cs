namespace IstioTutor.Core.Knowledge;

/// <summary>Counts of unambiguous (<see cref="Strong"/>) and keyword-only (<see cref="Weak"/>) domain terms in a question.</summary>
public sealed record DomainEvidence(int Strong, int Weak)
{
    public bool Any => Strong + Weak > 0;
}
