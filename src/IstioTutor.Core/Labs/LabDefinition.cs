using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs;

/// <summary>
/// A graded lab: what to achieve, the steps, hints revealed one at a time, the kinds the learner writes,
/// and the reference solution — one YAML manifest per /apply step, with <c>{{namespace}}</c> standing for
/// the learner's namespace. <see cref="Limits"/> says what the simulated cluster cannot show.
/// </summary>
public sealed record LabDefinition(
    string Id,
    Stage Stage,
    int Order,
    LocalText Title,
    LocalText Goal,
    IReadOnlyList<LocalText> Steps,
    IReadOnlyList<LocalText> Hints,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ReferenceSolution,
    LocalText? Limits = null)
{
    public const string NamespaceToken = "{{namespace}}";

    /// <summary>The reference manifests for one learner's namespace, in the order they are applied.</summary>
    public IReadOnlyList<string> ReferenceFor(string ns) =>
        ReferenceSolution.Select(y => y.Replace(NamespaceToken, ns, StringComparison.Ordinal)).ToArray();
}
