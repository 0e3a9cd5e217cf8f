namespace IstioTutor.Core.Knowledge;

/// <summary>
/// Counts of unambiguous (<see cref="Strong"/>) and keyword-only (<see cref="Weak"/>) domain terms in a
/// question, and of technologies outside the curriculum it names (<see cref="Foreign"/>: Kafka, React...).
/// <see cref="Core"/> counts the Istio-specific names among the strong terms (istio, envoy, sidecar, a
/// resource kind), which keep a question on topic even when it also names another technology.
/// </summary>
public sealed record DomainEvidence(int Strong, int Weak)
{
    public int Core { get; init; }

    public int Foreign { get; init; }

    /// <summary>Everyday things named (a microwave, a motorbike, a fishing boat), counted among <see cref="Foreign"/> too.</summary>
    public int Everyday { get; init; }

    /// <summary>Core terms with an everyday sense too (mesh, sidecar), counted among <see cref="Core"/> too.</summary>
    public int AmbiguousCore { get; init; }

    /// <summary>Istio API kinds and tools named (AuthorizationPolicy, istioctl...): the question asks about one of them.</summary>
    public int Named { get; init; }

    /// <summary>Named an Istio kind or tool, or two Istio-only terms: about Istio, however chatty the rest.</summary>
    public bool NamesIstio => Named > 0 || Core >= 2;

    public bool Any => Strong + Weak > 0;

    /// <summary>
    /// The question is about another technology and only borrows a generic word of ours ("timeout", "재시도"),
    /// or about an everyday thing and uses our words in their everyday sense ("the mesh of a fishing net").
    /// </summary>
    public bool AboutAnotherTechnology => Foreign > 0 && (Core == 0 || (Everyday > 0 && Core == AmbiguousCore));
}
