using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>Where a request is headed and what the client-side proxy will do with it.</summary>
/// <param name="Fqdn">The host as the registry (or, at a gateway, the Host header) names it.</param>
/// <param name="Service">The Service or ServiceEntry behind the host; null at an ingress gateway or when only a route names it.</param>
/// <param name="Port">The service port, or the gateway's listener port.</param>
/// <param name="ConfigReference">"VirtualService ns/name" of the configuration that routed it, or null.</param>
internal sealed record ResolvedRoute(string Fqdn, ServiceInfo? Service, int Port, string? ConfigReference, RoutePlan Plan);
