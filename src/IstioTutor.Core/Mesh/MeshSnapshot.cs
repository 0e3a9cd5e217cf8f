using System.Text.Json.Nodes;

namespace IstioTutor.Core.Mesh;

/// <summary>
/// Everything the validator, analyzer, simulator and lab checkers need to know about one namespace
/// (plus the mesh-wide objects of the root namespace), as raw Kubernetes JSON objects — the same
/// shape whether they came from the simulated sandbox or a real cluster.
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
}
