using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Model;

/// <summary>One configuration object of a snapshot (Istio or Gateway API): its kind, name, namespace and spec.</summary>
public sealed record ConfigObject(string Kind, string Name, string Namespace, JsonObject Spec, JsonObject Raw)
{
    /// <summary>The API group from apiVersion ("networking.istio.io", "gateway.networking.k8s.io"); "" when absent.</summary>
    public string Group { get; } = GroupOf(JsonFields.Str(Raw["apiVersion"]));

    /// <summary>True for Istio's own kinds (a group under istio.io, or no apiVersion as older callers build them).</summary>
    public bool IsIstio => Group.Length == 0 || Group.EndsWith("istio.io", StringComparison.Ordinal);

    /// <summary>"VirtualService learn-a/reviews", the way istioctl analyze names a resource.</summary>
    public string Reference => $"{Kind} {Namespace}/{Name}";

    /// <summary>True when this object is of the kind (group and Kind both compared).</summary>
    public bool Is(ResourceKind kind) => Kind == kind.Kind && (Group == kind.Group || (Group.Length == 0 && !ResourceKinds.IsGatewayApi(kind.Group)));

    private static string GroupOf(string? apiVersion) =>
        apiVersion is null || !apiVersion.Contains('/', StringComparison.Ordinal) ? "" : apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)];
}
