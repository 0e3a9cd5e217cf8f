using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;

namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// istioctl analyze over a snapshot: runs every analyzer and reports findings for the snapshot's
/// namespace (root-namespace objects are read for context but reported only when they are the cause),
/// errors first. Works the same on the sandbox and on a real cluster's snapshot.
/// </summary>
public sealed class MeshAnalyzer
{
    private readonly IReadOnlyList<IMeshAnalyzer> _analyzers;

    public MeshAnalyzer(IstioValidator validator)
    {
        _analyzers =
        [
            new SchemaAnalyzer(validator),
            new VirtualServiceDestinationAnalyzer(),
            new VirtualServiceGatewayAnalyzer(),
            new ConflictingMeshGatewayHostsAnalyzer(),
            new UnreachableRulesAnalyzer(),
            new GatewayAnalyzer(),
            new DestinationRuleAnalyzer(),
            new MtlsConflictAnalyzer(),
            new WorkloadSelectorAnalyzer(),
            new KubernetesGatewaySelectorAnalyzer(),
            new AuthorizationPolicyNamespaceAnalyzer(),
            new ServiceEntryAnalyzer(),
            new InjectionAnalyzer(),
            new WaypointPolicyAnalyzer(),
        ];
    }

    public IReadOnlyList<AnalysisMessage> Analyze(MeshSnapshot snapshot) => Analyze(MeshModel.From(snapshot));

    public IReadOnlyList<AnalysisMessage> Analyze(MeshModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _analyzers.SelectMany(a => a.Analyze(model))
            .Distinct()
            .OrderByDescending(m => m.Level)
            .ThenBy(m => m.Code, StringComparer.Ordinal)
            .ThenBy(m => m.Resource, StringComparer.Ordinal)
            .ToList();
    }
}
