namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// One statistical simulation: resolves the source and route once, then sends N requests through
/// <see cref="RequestFlow"/> and tallies them. Simplifications, chosen to stay predictable for teaching:
/// request i starts at i × 10 ms / Concurrency (the clock outlier ejection uses); connection-pool
/// limits admit maxConnections + http1MaxPendingRequests (or http2MaxRequests) of the Concurrency
/// requests in flight and overflow the rest with 503 UO. A source without a sidecar bypasses client-side
/// routing (kube-proxy picks any pod) and talks plaintext. An unset abort percentage counts as 100%; an
/// unset delay percentage as Istio's deprecated "percent" (0 when absent).
/// </summary>
internal sealed class SimulationRun(Model.MeshModel model, SimulationRequest request)
{
    private const double InterArrivalMs = 10;

    public SimulationReport Execute()
    {
        var notes = new List<string>();
        var random = new Random(request.Seed);
        var headers = request.LowerCaseHeaders();
        var source = TrafficSource.Resolve(model, request);
        var resolved = new RouteResolver(model, request, notes).Resolve(source);
        var pool = new EndpointPool(model, random, headers, request.Source, notes);
        var flow = new RequestFlow(request, source, resolved.Plan, pool, new SecurityCheck(model, request, headers), random, apps: null);

        var statuses = new Dictionary<int, int>();
        var flags = new Dictionary<string, int>(StringComparer.Ordinal);
        var destinations = new Dictionary<(string, string?, string?, string), int>();
        var mirrored = new Dictionary<string, int>(StringComparer.Ordinal);
        var latencies = new double[request.Requests];
        var traces = new List<RequestTrace>();
        for (var i = 0; i < request.Requests; i++)
        {
            var steps = i < request.TraceLimit ? new List<string>() : null;
            var now = i * InterArrivalMs / request.Concurrency;
            var result = flow.Send(i, now, steps);
            statuses[result.Status] = statuses.GetValueOrDefault(result.Status) + 1;
            if (result.Flag is not null)
            {
                flags[result.Flag] = flags.GetValueOrDefault(result.Flag) + 1;
            }

            if (result.Reached is { } reached)
            {
                var key = (reached.Service, reached.Subset, reached.Pod.Version, reached.Pod.Name);
                destinations[key] = destinations.GetValueOrDefault(key) + 1;
            }

            foreach (var (host, pct) in resolved.Plan.Policy.Mirrors)
            {
                if (random.NextDouble() * 100 < pct)
                {
                    mirrored[host] = mirrored.GetValueOrDefault(host) + 1;
                }
            }

            latencies[i] = result.LatencyMs;
            if (steps is not null)
            {
                traces.Add(new RequestTrace(i, steps, result.Status, result.Flag, result.Reached?.Pod.Name, Math.Round(result.LatencyMs, 2)));
            }
        }

        Array.Sort(latencies);
        return new SimulationReport(
            request,
            resolved.Fqdn,
            resolved.ConfigReference,
            request.Requests,
            destinations.Select(d => new DestinationCount(d.Key.Item1, d.Key.Item2, d.Key.Item3, d.Key.Item4, d.Value)).OrderByDescending(d => d.Count).ThenBy(d => d.Workload, StringComparer.Ordinal).ToList(),
            statuses,
            flags,
            new LatencySummary(Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), Math.Round(latencies[^1], 2)),
            traces,
            notes,
            mirrored);
    }

    private static double Percentile(double[] sorted, double p) =>
        Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
}
