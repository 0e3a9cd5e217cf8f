namespace IstioTutor.Mesh.Model;

/// <summary>A pod: its labels, whether it carries the istio-proxy sidecar, and its service account (its mTLS identity).</summary>
public sealed record WorkloadInfo(string Name, string Namespace, IReadOnlyDictionary<string, string> Labels, bool HasSidecar, string ServiceAccount)
{
    /// <summary>The SPIFFE principal Istio gives the pod: cluster.local/ns/NS/sa/SA.</summary>
    public string Principal => $"cluster.local/ns/{Namespace}/sa/{ServiceAccount}";

    /// <summary>status.podIP when the pod has one (what ipBlocks compare against).</summary>
    public string? Ip { get; init; }

    public string App => Labels.TryGetValue("app", out var app) ? app : Name;

    public string? Version => Labels.TryGetValue("version", out var version) ? version : null;

    public bool Matches(IReadOnlyDictionary<string, string> selector) =>
        selector.All(kv => Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
