using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs;

/// <summary>
/// A graded lab: what to achieve, the steps, hints revealed one at a time, the kinds the learner writes,
/// and the reference solution — one YAML manifest per /apply step, with <c>{{namespace}}</c> standing for
/// the learner's namespace. <see cref="Limits"/> says what the simulated cluster cannot show.
/// <see cref="CoreForPromotion"/> marks the labs a learner must pass to leave <see cref="Stage"/>: the stage
/// rule reads it from here, so the catalogue and the promotion rule cannot drift apart.
/// </summary>
public sealed record LabDefinition(
    string Id,
    Stage Stage,
    int Order,
    bool CoreForPromotion,
    LocalText Title,
    LocalText Goal,
    IReadOnlyList<LocalText> Steps,
    IReadOnlyList<LocalText> Hints,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ReferenceSolution,
    LocalText? Limits = null)
{
    public const string NamespaceToken = "{{namespace}}";

    /// <summary>
    /// The same goal written with the Gateway API (one manifest per /apply step), graded by the same check;
    /// empty when the lab has none.
    /// </summary>
    public IReadOnlyList<string> GatewayApiSolution { get; init; } = [];

    /// <summary>How to do this lab with the Gateway API, or why it cannot be done with it; shown with the steps.</summary>
    public LocalText? GatewayApi { get; init; }

    /// <summary>The reference manifests for one learner's namespace, in the order they are applied.</summary>
    public IReadOnlyList<string> ReferenceFor(string ns) =>
        ReferenceSolution.Select(y => y.Replace(NamespaceToken, ns, StringComparison.Ordinal)).ToArray();

    /// <summary>The Gateway API manifests for one learner's namespace, in the order they are applied.</summary>
    public IReadOnlyList<string> GatewayApiFor(string ns) =>
        GatewayApiSolution.Select(y => y.Replace(NamespaceToken, ns, StringComparison.Ordinal)).ToArray();
}
