using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// One request through the client proxy and on to a pod, in Envoy's order: a proxy's own reply, the
/// route (no route → 404 NR), fault delay and abort, the weighted destination, the cluster (missing
/// subset → 503 NC; pool overflow → 503 UO), then attempts against healthy endpoints with the
/// destination's security and the app, per-try and route timeouts and retries.
/// Latency is the app's base time (<see cref="BookinfoTopology.BaseLatencyMs"/>) × a uniform 0.75–1.25
/// jitter plus behaviour extra, unless <see cref="IWorkloadApps"/> answers with its own.
/// </summary>
internal sealed class RequestFlow(
    SimulationRequest request,
    TrafficSource client,
    RoutePlan route,
    EndpointPool pool,
    SecurityCheck security,
    Random random,
    AppCalls? apps)
{
    public RequestResult Send(int index, double now, List<string>? steps)
    {
        var policy = route.Policy;
        var (abortPct, abortStatus, delayPct, delayMs) = policy.Fault;
        var (attempts, perTryMs, _, _) = policy.Retries;
        var timeoutMs = policy.TimeoutMs;
        if (route.Reply is { } reply)
        {
            steps?.Add(reply.Location is null ? "direct response from the client sidecar" : "redirect from the client sidecar");
            return new RequestResult(reply.Status, null, null, 1) { Direct = reply };
        }

        if (route.Unroutable)
        {
            steps?.Add("no route → 404 NR");
            return new RequestResult(404, "NR", null, 1);
        }

        double latency = 0;
        if (delayPct > 0 && random.NextDouble() * 100 < delayPct)
        {
            latency += delayMs;
            steps?.Add($"fault: delayed {delayMs} ms");
        }

        if (abortPct > 0 && random.NextDouble() * 100 < abortPct)
        {
            steps?.Add($"fault: aborted with {abortStatus}");
            return new RequestResult(abortStatus, "FI", null, latency + 1);
        }

        var target = route.Pick(random);
        if (target.Invalid is { } invalid)
        {
            steps?.Add($"route → {target.Host}: {invalid} → 500");
            return new RequestResult(500, null, null, latency + 1);
        }

        // A waypoint routes like a sidecar does: DestinationRule subsets and policies apply there.
        var cluster = pool.ClusterFor(target, client.HasSidecar || route.Waypoint is not null);
        steps?.Add($"route → {cluster.Host}{(cluster.Subset is null ? "" : $" subset {cluster.Subset}")}");
        if (cluster.Missing)
        {
            steps?.Add($"subset {cluster.Subset} is not defined in any DestinationRule for {cluster.Host} → 503 NC (no cluster)");
            return new RequestResult(503, "NC", null, latency + 1) { Cluster = cluster };
        }

        var capacity = cluster.Capacity;
        if (index % request.Concurrency >= capacity)
        {
            steps?.Add($"connection pool full ({capacity} of {request.Concurrency} in flight) → 503 UO");
            return new RequestResult(503, "UO", null, latency + 1) { Cluster = cluster };
        }

        var tried = new List<PoolEndpoint>(2);
        var result = new RequestResult(503, "UH", null, latency) { Cluster = cluster };
        for (var attempt = 0; attempt <= attempts; attempt++)
        {
            var at = now + latency;
            var healthy = cluster.Endpoints.TrueForAll(e => e.EjectedUntil <= at) ? cluster.Endpoints : cluster.Endpoints.Where(e => e.EjectedUntil <= at).ToList();
            if (healthy.Count == 0)
            {
                steps?.Add(cluster.Endpoints.Count == 0 ? "no pods behind the destination → 503 UH" : "every pod is ejected by outlier detection → 503 UH");
                return result with { Status = 503, Flag = "UH", LatencyMs = latency + 1, Attempts = attempt + 1 };
            }

            var candidates = tried.Count == 0 ? healthy : healthy.Where(e => !tried.Contains(e)).ToList() is { Count: > 0 } fresh ? fresh : healthy;
            var endpoint = pool.Pick(cluster, candidates);
            tried.Add(endpoint);
            var pod = endpoint.Workload;
            var (attemptStatus, attemptFlag, attemptMs, appReply, mutual) = Attempt(pod, cluster, attempt, steps);
            if (perTryMs > 0 && attemptMs > perTryMs)
            {
                (attemptStatus, attemptFlag, attemptMs, appReply) = (504, "UT", perTryMs, null);
                steps?.Add($"per-try timeout {perTryMs} ms on {pod.Name}");
            }

            latency += attemptMs;
            result = new RequestResult(attemptStatus, attemptFlag, attemptStatus == 0 ? null : new ReachedPod(cluster.Service?.Name ?? cluster.Host, cluster.Subset, pod), latency)
            {
                Cluster = cluster,
                Reply = appReply,
                MutualTls = mutual,
                Attempts = attempt + 1,
            };
            pool.RecordOutcome(cluster, endpoint, attemptStatus, now + latency);
            if (timeoutMs > 0 && latency > timeoutMs)
            {
                steps?.Add($"route timeout {timeoutMs} ms exceeded → 504 UT");
                return result with { Status = 504, Flag = "UT", LatencyMs = timeoutMs, Reply = null };
            }

            if (attempt < attempts && policy.Retries.Retriable(attemptStatus, attemptFlag))
            {
                steps?.Add($"retry {attempt + 1} of {attempts} after {attemptStatus}");
                latency += 25;
                continue;
            }

            break;
        }

        return result;
    }

    /// <summary>One try against one pod: mTLS handshake, authentication, authorization, then the app.</summary>
    private (int Status, string? Flag, double LatencyMs, AppReply? Reply, bool MutualTls) Attempt(WorkloadInfo pod, UpstreamCluster cluster, int attempt, List<string>? steps)
    {
        var outcome = security.Check(pod, cluster, client, route.Waypoint);
        if (!outcome.Allowed)
        {
            steps?.Add(outcome.Step);
            return (outcome.Status, outcome.Flag, outcome.LatencyMs, null, outcome.MutualTls);
        }

        var behaviour = BehaviourOf(pod);
        var ms = BookinfoTopology.BaseLatencyMs(pod.App, pod.Version) * (0.75 + (0.5 * random.NextDouble())) + (behaviour?.ExtraLatencyMs ?? 0);
        if (behaviour is { FailureRate: > 0 } && random.NextDouble() < behaviour.FailureRate)
        {
            steps?.Add($"{pod.Name} answered {behaviour.FailureStatus}");
            return (behaviour.FailureStatus, "URX", ms, null, outcome.MutualTls);
        }

        if (apps?.Answer(pod, cluster, route, attempt, outcome.MutualTls) is { } reply)
        {
            steps?.Add($"{pod.Name} answered {reply.Status}{(outcome.MutualTls ? " (mTLS)" : " (plaintext)")}");
            return (reply.Status, null, reply.LatencyMs + (behaviour?.ExtraLatencyMs ?? 0), reply, outcome.MutualTls);
        }

        steps?.Add(outcome.Step);
        return (200, null, ms, null, outcome.MutualTls);
    }

    private WorkloadBehaviour? BehaviourOf(WorkloadInfo pod) => request.Behaviours.Count == 0 ? null :
        request.Behaviours.GetValueOrDefault(pod.Name)
        ?? (pod.Version is null ? null : request.Behaviours.GetValueOrDefault($"{pod.App}/{pod.Version}"))
        ?? request.Behaviours.GetValueOrDefault(pod.App);
}
