namespace IstioTutor.Mesh.Model;

/// <summary>A Kubernetes resource type as the API serves it (group/version/kind/plural).</summary>
public sealed record ResourceKind(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    bool IstioConfig)
{
    /// <summary>"networking.istio.io/v1", or "v1" for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string Singular => Kind.ToLowerInvariant();
}
