using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Model;

/// <summary>
/// Everything the validator, analyzer, simulator and lab checkers need to know about one namespace
/// (plus the mesh-wide objects of the root namespace), as raw Kubernetes JSON objects — the same
/// shape whether they came from the simulated sandbox or a real cluster.
/// <see cref="Services"/> and <see cref="Pods"/> are the namespace's own; the root namespace's
/// workloads (the ingress/egress gateways a learner's Gateway selects, istiod) come separately in
/// <see cref="RootNamespaceServices"/> and <see cref="RootNamespacePods"/>, so code that shows the
/// learner's app is not mixed up with the mesh's own pods.
/// </summary>
public sealed record MeshSnapshot(
    string Namespace,
    IReadOnlyList<JsonObject> IstioConfig,
    IReadOnlyList<JsonObject> Services,
    IReadOnlyList<JsonObject> Pods,
    IReadOnlyList<JsonObject> Namespaces,
    IReadOnlyList<JsonObject> RootNamespaceConfig)
{
    public const string RootNamespace = "istio-system";

    /// <summary>Services of the root namespace (empty when the snapshot is of the root namespace itself).</summary>
    public IReadOnlyList<JsonObject> RootNamespaceServices { get; init; } = [];

    /// <summary>Pods of the root namespace: what a Gateway's selector can match outside the learner's namespace.</summary>
    public IReadOnlyList<JsonObject> RootNamespacePods { get; init; } = [];
}
