namespace IstioTutor.Mesh.Model;

/// <summary>
/// A Kubernetes Service (or ServiceEntry host) the mesh can route to. <paramref name="Endpoints"/> are a
/// ServiceEntry's own endpoints when it selects no workloads (an external host, or listed addresses).
/// </summary>
public sealed record ServiceInfo(string Name, string Namespace, string Fqdn, IReadOnlyDictionary<string, string> Selector, IReadOnlyList<ServicePortInfo> Ports, bool FromServiceEntry = false, IReadOnlyList<WorkloadInfo>? Endpoints = null)
{
    /// <summary>The object's own labels (istio.io/use-waypoint lives here).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary>One port of a Service.</summary>
public sealed record ServicePortInfo(string? Name, int Port, int TargetPort, string? Protocol);
