using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Model;

/// <summary>One Istio config object of a snapshot: its kind, name, namespace and spec.</summary>
public sealed record ConfigObject(string Kind, string Name, string Namespace, JsonObject Spec, JsonObject Raw)
{
    /// <summary>"VirtualService learn-a/reviews", the way istioctl analyze names a resource.</summary>
    public string Reference => $"{Kind} {Namespace}/{Name}";
}
