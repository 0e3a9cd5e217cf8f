namespace IstioTutor.Core.Mesh.Istio;

/// <summary>A Kubernetes Service (or ServiceEntry host) the mesh can route to.</summary>
public sealed record ServiceInfo(string Name, string Namespace, string Fqdn, IReadOnlyDictionary<string, string> Selector, IReadOnlyList<ServicePortInfo> Ports, bool FromServiceEntry = false);

/// <summary>One port of a Service.</summary>
public sealed record ServicePortInfo(string? Name, int Port, int TargetPort, string? Protocol);
