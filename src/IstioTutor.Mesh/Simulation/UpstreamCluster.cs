using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// An Envoy cluster as the client proxy builds it: a host (and subset) on a port, its endpoints, and the
/// DestinationRule traffic policy that applies (subset and port-level settings merged in).
/// <see cref="Missing"/> is a subset no DestinationRule defines (503 NC).
/// </summary>
internal sealed record UpstreamCluster(string Host, ServiceInfo? Service, string? Subset, int Port, bool Missing, List<PoolEndpoint> Endpoints, JsonObject? Policy)
{
    public int RoundRobin { get; set; }

    public int Capacity { get; } = PoolCapacity(Policy);

    public JsonObject? Outlier { get; } = Policy?["outlierDetection"] as JsonObject;

    public bool RoundRobinLb { get; } = JsonFields.Str(Policy?["loadBalancer"]?["simple"]) == "ROUND_ROBIN";

    public JsonObject? ConsistentHash { get; } = Policy?["loadBalancer"]?["consistentHash"] as JsonObject;

    /// <summary>The DestinationRule's client TLS mode (ISTIO_MUTUAL, DISABLE, SIMPLE...), null when unset.</summary>
    public string? TlsMode { get; } = JsonFields.Str(Policy?["tls"]?["mode"]);

    /// <summary>Envoy's cluster name, as access logs print it: outbound|9080|v1|reviews.default.svc.cluster.local.</summary>
    public string Name => $"outbound|{Port}|{Subset}|{Host}";

    /// <summary>The container port behind the service port.</summary>
    public int TargetPort => Service?.Ports.FirstOrDefault(p => p.Port == Port)?.TargetPort ?? Port;

    private static int PoolCapacity(JsonObject? policy)
    {
        var pool = policy?["connectionPool"] as JsonObject;
        if (pool is null)
        {
            return int.MaxValue;
        }

        long connections = JsonFields.Int(pool["tcp"]?["maxConnections"]) ?? int.MaxValue;
        long pending = JsonFields.Int(pool["http"]?["http1MaxPendingRequests"]) ?? int.MaxValue;
        long http2 = JsonFields.Int(pool["http"]?["http2MaxRequests"]) ?? int.MaxValue;
        return (int)Math.Min(int.MaxValue, Math.Min(connections + pending, http2));
    }
}

/// <summary>One pod of a cluster with its outlier-detection state.</summary>
internal sealed class PoolEndpoint(WorkloadInfo workload)
{
    public WorkloadInfo Workload { get; } = workload;

    public int Consecutive5xx { get; set; }

    public int Ejections { get; set; }

    public double EjectedUntil { get; set; } = double.NegativeInfinity;
}
