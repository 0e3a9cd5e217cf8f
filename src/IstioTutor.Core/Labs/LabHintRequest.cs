using IstioTutor.Core.Labs;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs;

/// <summary>
/// What a model-written lab hint is grounded in: the lab (its goal; its reference solution only to check
/// the reply against), the learner's current objects of the lab's kinds as YAML with their names (for
/// masking), and the catalogue hints already shown.
/// </summary>
public sealed record LabHintRequest(
    LabDefinition Lab,
    Learner Learner,
    string Lang,
    string ResourcesYaml,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> HintsShown);
