using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// The endpoint side of the client proxy: clusters built from Services and DestinationRules, load
/// balancing (ROUND_ROBIN, consistent hash; LEAST_REQUEST and RANDOM both pick uniformly, as sequential
/// requests leave no queue to compare), connection-pool capacity and outlier ejection.
/// </summary>
internal sealed class EndpointPool(MeshModel model, Random random, IReadOnlyDictionary<string, string> headers, string? sourceName, List<string> notes)
{
    private readonly Dictionary<string, UpstreamCluster> _clusters = new(StringComparer.Ordinal);

    public UpstreamCluster ClusterFor(RouteTarget target, bool hasSidecar)
    {
        var key = $"{target.Host}|{target.Subset}|{target.Port}";
        if (_clusters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var service = model.FindService(target.Host);
        var port = target.Port ?? (service?.Ports.Count > 0 ? service.Ports[0].Port : 80);
        var pods = service is null ? [] : model.WorkloadsOf(service).ToList();
        var rule = hasSidecar ? DestinationRuleFor(target.Host) : null;
        var policy = rule?.Spec["trafficPolicy"] as JsonObject;
        var missing = false;
        if (target.Subset is not null)
        {
            var subset = (rule?.Spec["subsets"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(s => JsonFields.Str(s["name"]) == target.Subset);
            if (subset is null)
            {
                missing = true;
            }
            else
            {
                var labels = JsonFields.Labels(subset["labels"]);
                pods = pods.Where(p => p.Matches(labels)).ToList();
                policy = Merge(policy, subset["trafficPolicy"] as JsonObject);
            }
        }

        policy = PortLevel(policy, port);
        var cluster = new UpstreamCluster(target.Host, service, target.Subset, port, missing, pods.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new PoolEndpoint(p)).ToList(), policy);
        _clusters[key] = cluster;
        if (rule is not null && !notes.Contains($"DestinationRule {rule.Namespace}/{rule.Name} applies to {target.Host}"))
        {
            notes.Add($"DestinationRule {rule.Namespace}/{rule.Name} applies to {target.Host}");
        }

        return cluster;
    }

    public PoolEndpoint Pick(UpstreamCluster cluster, List<PoolEndpoint> candidates)
    {
        if (cluster.RoundRobinLb)
        {
            return candidates[cluster.RoundRobin++ % candidates.Count];
        }

        if (cluster.ConsistentHash is { } hash)
        {
            var key = JsonFields.Str(hash["httpHeaderName"]) is { } header ? headers.GetValueOrDefault(header.ToLowerInvariant()) ?? "" : sourceName ?? "";
            var stable = candidates.OrderBy(e => e.Workload.Name, StringComparer.Ordinal).ToList();
            return stable[(int)((uint)StableHash(key) % (uint)stable.Count)];
        }

        return candidates[random.Next(candidates.Count)];
    }

    /// <summary>Counts consecutive 5xx per endpoint and ejects it as Envoy's outlier detection would.</summary>
    public void RecordOutcome(UpstreamCluster cluster, PoolEndpoint endpoint, int status, double now)
    {
        var outlier = cluster.Outlier;
        if (outlier is null)
        {
            return;
        }

        endpoint.Consecutive5xx = status >= 500 ? endpoint.Consecutive5xx + 1 : 0;
        var threshold = JsonFields.Int(outlier["consecutive5xxErrors"]) ?? JsonFields.Int(outlier["consecutiveErrors"]) ?? 5;
        if (threshold <= 0 || endpoint.Consecutive5xx < threshold)
        {
            return;
        }

        // Envoy caps ejections at maxEjectionPercent (default 10%) but always allows ejecting one host.
        var maxPercent = JsonFields.Int(outlier["maxEjectionPercent"]) ?? 10;
        var ejected = cluster.Endpoints.Count(e => e.EjectedUntil > now);
        var allowed = Math.Max(1, (int)Math.Floor(cluster.Endpoints.Count * maxPercent / 100.0));
        if (ejected >= allowed)
        {
            return;
        }

        endpoint.Ejections++;
        var baseMs = GoDuration.ParseOrNull(JsonFields.Str(outlier["baseEjectionTime"]))?.TotalMilliseconds ?? 30_000;
        endpoint.EjectedUntil = now + (baseMs * endpoint.Ejections);
        endpoint.Consecutive5xx = 0;
        notes.Add($"outlier detection ejected {endpoint.Workload.Name} at {now:0} ms for {baseMs * endpoint.Ejections:0} ms");
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in text)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }

    /// <summary>A subset's traffic policy replaces the top-level one field by field, as Istio merges them.</summary>
    private static JsonObject? Merge(JsonObject? top, JsonObject? subset)
    {
        if (subset is null)
        {
            return top;
        }

        var merged = top is null ? [] : (JsonObject)top.DeepClone();
        foreach (var (key, value) in subset)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static JsonObject? PortLevel(JsonObject? policy, int port)
    {
        var portPolicy = (policy?["portLevelSettings"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => JsonFields.Int(p["port"]?["number"]) == port);
        return portPolicy is null ? policy : Merge(policy, portPolicy);
    }

    private ConfigObject? DestinationRuleFor(string fqdn)
    {
        var ns = model.Namespace;
        return model.OfKind("DestinationRule")
            .Where(dr => JsonFields.Str(dr.Spec["host"]) is { } h && HostName.SubsetOf(fqdn, HostName.Resolve(h, dr.Namespace)) && dr.Spec["workloadSelector"] is null)
            .OrderBy(dr => dr.Namespace == ns ? 0 : dr.Namespace == MeshSnapshot.RootNamespace ? 2 : 1)
            .ThenBy(dr => HostName.IsWildcard(JsonFields.Str(dr.Spec["host"])!) ? 1 : 0)
            .FirstOrDefault();
    }
}
