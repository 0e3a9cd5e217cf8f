using System.Globalization;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// One simulation. Simplifications, chosen to stay predictable for teaching:
/// request i starts at i × 10 ms / Concurrency (the clock outlier ejection uses); connection-pool
/// limits admit maxConnections + http1MaxPendingRequests (or http2MaxRequests) of the Concurrency
/// requests in flight and overflow the rest with 503 UO; LEAST_REQUEST and RANDOM both pick uniformly
/// (sequential requests leave no queue to compare); latency is the app's base time
/// (<see cref="BookinfoTopology.BaseLatencyMs"/>) × a uniform 0.75–1.25 jitter plus behaviour extra.
/// A source without a sidecar bypasses client-side routing (kube-proxy picks any pod) and talks plaintext.
/// An unset abort percentage counts as 100%; an unset delay percentage as Istio's deprecated "percent" (0 when absent).
/// </summary>
internal sealed class SimulationRun
{
    private const double InterArrivalMs = 10;

    private readonly MeshModel _model;
    private readonly SimulationRequest _request;
    private readonly Random _random;
    private readonly PeerAuthenticationResolver _mtls;
    private readonly AuthorizationEvaluator _authz;
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, Cluster> _clusters = new(StringComparer.Ordinal);

    public SimulationRun(MeshModel model, SimulationRequest request)
    {
        _model = model;
        _request = request;
        _random = new Random(request.Seed);
        _mtls = new PeerAuthenticationResolver(model);
        _authz = new AuthorizationEvaluator(model);
        _headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, string> _headers;

    private sealed class Endpoint(WorkloadInfo workload)
    {
        public WorkloadInfo Workload { get; } = workload;

        public int Consecutive5xx { get; set; }

        public int Ejections { get; set; }

        public double EjectedUntil { get; set; } = double.NegativeInfinity;
    }

    private sealed record Cluster(string Host, ServiceInfo? Service, string? Subset, int Port, bool Missing, List<Endpoint> Endpoints, JsonObject? Policy)
    {
        public int RoundRobin { get; set; }

        public int Capacity { get; } = PoolCapacity(Policy);

        public JsonObject? Outlier { get; } = Policy?["outlierDetection"] as JsonObject;

        public bool RoundRobinLb { get; } = JsonFields.Str(Policy?["loadBalancer"]?["simple"]) == "ROUND_ROBIN";

        public JsonObject? ConsistentHash { get; } = Policy?["loadBalancer"]?["consistentHash"] as JsonObject;
    }

    private sealed record RouteTarget(string Host, string? Subset, int? Port, int Weight);

    /// <summary>The matched rule (null: none) and the weighted destinations it routes to.</summary>
    private sealed record RoutePlan(JsonObject? Rule, List<RouteTarget> Targets, int TotalWeight);

    /// <summary>The sending side: whether it has a sidecar, and the mTLS identity it presents.</summary>
    private sealed record ClientSide(bool HasSidecar, string? Principal);

    public SimulationReport Execute()
    {
        var ns = _model.Namespace;
        var source = FindSource();
        var hasSidecar = _request.SourceHasSidecar ?? source?.HasSidecar ?? false;
        var sourcePrincipal = _request.SourcePrincipal ?? (hasSidecar ? source?.Principal : null);
        var gateways = source is null ? [] : GatewaysOf(source);
        var ingress = source is not null && (gateways.Count > 0 || IsGatewayPod(source));
        var fqdn = ingress ? _request.Host.Split(':')[0].ToLowerInvariant() : _model.ResolveClientHost(_request.Host, source?.Namespace ?? ns);
        var service = ingress ? null : _model.FindService(fqdn);
        var vs = ingress ? FindGatewayVirtualService(fqdn, gateways, _request.Port ?? 80) : hasSidecar ? FindVirtualService(fqdn, source?.Namespace ?? ns) : null;
        if (ingress)
        {
            _notes.Add(gateways.Count == 0
                ? $"{source!.Name} is a gateway but no Gateway selects it: it has no listener for {fqdn}"
                : $"{source!.Name} serves Gateway {string.Join(", ", gateways.Select(g => $"{g.Namespace}/{g.Name}"))}; Host header {fqdn}");
            if (vs is null)
            {
                _notes.Add($"no VirtualService bound to {(gateways.Count == 0 ? "a Gateway" : "that Gateway")} serves {fqdn} on port {_request.Port ?? 80} → 404 NR");
            }
        }
        else if (service is null && vs is null)
        {
            var known = string.Join(", ", _model.Services.Where(s => s.Namespace == ns).Select(s => s.Name));
            throw new ArgumentException($"No Service or ServiceEntry named \"{_request.Host}\" ({fqdn}) in the mesh. Services in {ns}: {known}.");
        }

        var port = _request.Port ?? (service?.Ports.Count > 0 ? service.Ports[0].Port : 80);
        if (ingress)
        {
            // The gateway's own listener port: the VirtualService's port matches are against it, and routes must name the destination port or find it.
            port = _request.Port ?? 80;
        }

        if (service is { FromServiceEntry: true, Endpoints.Count: > 0 })
        {
            _notes.Add($"{fqdn} comes from ServiceEntry {service.Namespace}/{service.Name}: its endpoints ({string.Join(", ", service.Endpoints.Select(e => e.Name))}) have no sidecar and are assumed to answer 200 (nothing outside the mesh is contacted)");
        }

        _notes.Add(source is null ? "source: a client pod without a sidecar" : $"source: {source.Name} ({(hasSidecar ? "with" : "without")} sidecar)");
        if (!hasSidecar)
        {
            _notes.Add("without a sidecar the client sends plaintext and no VirtualService or DestinationRule applies on its side: kube-proxy picks any pod of the Service");
        }

        JsonObject? rule = null;
        string? ruleName = null;
        if (vs is not null)
        {
            (rule, ruleName) = MatchRule(vs, source, port);
            _notes.Add(rule is null ? $"{vs.Reference}: no HTTP rule matches the request → 404 NR" : $"{vs.Reference}: rule {ruleName} matches");
        }

        var targets = rule is null
            ? (vs is null && !ingress ? [new RouteTarget(fqdn, null, port, 100)] : [])
            : (rule["route"] as JsonArray ?? []).OfType<JsonObject>().Select(d => new RouteTarget(
                HostName.Resolve(JsonFields.Str(d["destination"]?["host"]) ?? fqdn, vs!.Namespace),
                JsonFields.Str(d["destination"]?["subset"]),
                JsonFields.Int(d["destination"]?["port"]?["number"]),
                JsonFields.Int(d["weight"]) ?? ((rule["route"] as JsonArray)!.Count == 1 ? 100 : 0))).ToList();
        var totalWeight = targets.Sum(t => t.Weight);

        var route = new RoutePlan(rule, targets, totalWeight);
        var policy = RequestPolicy.From(rule, vs?.Namespace ?? ns);
        var client = new ClientSide(hasSidecar, sourcePrincipal);

        var statuses = new Dictionary<int, int>();
        var flags = new Dictionary<string, int>(StringComparer.Ordinal);
        var destinations = new Dictionary<(string, string?, string?, string), int>();
        var mirrored = new Dictionary<string, int>(StringComparer.Ordinal);
        var latencies = new double[_request.Requests];
        var traces = new List<RequestTrace>();
        for (var i = 0; i < _request.Requests; i++)
        {
            var steps = i < _request.TraceLimit ? new List<string>() : null;
            var now = i * InterArrivalMs / _request.Concurrency;
            var (status, flag, workload, latency) = OneRequest(i, now, route, policy, client, steps);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (flag is not null)
            {
                flags[flag] = flags.GetValueOrDefault(flag) + 1;
            }

            if (workload is not null)
            {
                var key = (workload.Value.Service, workload.Value.Subset, workload.Value.Pod.Version, workload.Value.Pod.Name);
                destinations[key] = destinations.GetValueOrDefault(key) + 1;
            }

            foreach (var (host, pct) in policy.Mirrors)
            {
                if (_random.NextDouble() * 100 < pct)
                {
                    mirrored[host] = mirrored.GetValueOrDefault(host) + 1;
                }
            }

            latencies[i] = latency;
            if (steps is not null)
            {
                traces.Add(new RequestTrace(i, steps, status, flag, workload?.Pod.Name, Math.Round(latency, 2)));
            }
        }

        Array.Sort(latencies);
        return new SimulationReport(
            _request,
            fqdn,
            vs?.Reference,
            _request.Requests,
            destinations.Select(d => new DestinationCount(d.Key.Item1, d.Key.Item2, d.Key.Item3, d.Key.Item4, d.Value)).OrderByDescending(d => d.Count).ThenBy(d => d.Workload, StringComparer.Ordinal).ToList(),
            statuses,
            flags,
            new LatencySummary(Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), Math.Round(latencies[^1], 2)),
            traces,
            _notes,
            mirrored);
    }

    private (int Status, string? Flag, (string Service, string? Subset, WorkloadInfo Pod)? Workload, double Latency) OneRequest(
        int index, double now, RoutePlan route, RequestPolicy policy, ClientSide client, List<string>? steps)
    {
        var (rule, targets, totalWeight) = route;
        var (abortPct, abortStatus, delayPct, delayMs) = policy.Fault;
        var (attempts, perTryMs, _, _) = policy.Retries;
        var timeoutMs = policy.TimeoutMs;
        var (hasSidecar, sourcePrincipal) = client;
        if (rule?["directResponse"] is JsonObject direct)
        {
            steps?.Add("direct response from the client sidecar");
            return (JsonFields.Int(direct["status"]) ?? 200, null, null, 1);
        }

        if (rule?["redirect"] is JsonObject redirect)
        {
            steps?.Add("redirect from the client sidecar");
            return (JsonFields.Int(redirect["redirectCode"]) ?? 301, null, null, 1);
        }

        if (targets.Count == 0 || (targets.Count > 1 && totalWeight == 0))
        {
            steps?.Add("no route → 404 NR");
            return (404, "NR", null, 1);
        }

        double latency = 0;
        if (delayPct > 0 && _random.NextDouble() * 100 < delayPct)
        {
            latency += delayMs;
            steps?.Add($"fault: delayed {delayMs} ms");
        }

        if (abortPct > 0 && _random.NextDouble() * 100 < abortPct)
        {
            steps?.Add($"fault: aborted with {abortStatus}");
            return (abortStatus, "FI", null, latency + 1);
        }

        var target = targets[0];
        if (targets.Count > 1)
        {
            var pick = _random.Next(totalWeight);
            foreach (var t in targets)
            {
                if (pick < t.Weight)
                {
                    target = t;
                    break;
                }

                pick -= t.Weight;
            }
        }

        var cluster = ClusterFor(target, hasSidecar);
        steps?.Add($"route → {cluster.Host}{(cluster.Subset is null ? "" : $" subset {cluster.Subset}")}");
        if (cluster.Missing)
        {
            steps?.Add($"subset {cluster.Subset} is not defined in any DestinationRule for {cluster.Host} → 503 NC (no cluster)");
            return (503, "NC", null, latency + 1);
        }

        var capacity = cluster.Capacity;
        if (index % _request.Concurrency >= capacity)
        {
            steps?.Add($"connection pool full ({capacity} of {_request.Concurrency} in flight) → 503 UO");
            return (503, "UO", null, latency + 1);
        }

        var tried = new List<Endpoint>(2);
        var status = 503;
        string? flag = "UH";
        (string, string?, WorkloadInfo)? reached = null;
        for (var attempt = 0; attempt <= attempts; attempt++)
        {
            var at = now + latency;
            var healthy = cluster.Endpoints.TrueForAll(e => e.EjectedUntil <= at) ? cluster.Endpoints : cluster.Endpoints.Where(e => e.EjectedUntil <= at).ToList();
            if (healthy.Count == 0)
            {
                steps?.Add(cluster.Endpoints.Count == 0 ? "no pods behind the destination → 503 UH" : "every pod is ejected by outlier detection → 503 UH");
                return (503, "UH", reached, latency + 1);
            }

            var candidates = tried.Count == 0 ? healthy : healthy.Where(e => !tried.Contains(e)).ToList() is { Count: > 0 } fresh ? fresh : healthy;
            var endpoint = PickEndpoint(cluster, candidates);
            tried.Add(endpoint);
            var pod = endpoint.Workload;
            var (attemptStatus, attemptFlag, attemptMs) = Attempt(pod, cluster, hasSidecar, sourcePrincipal, steps);
            if (perTryMs > 0 && attemptMs > perTryMs)
            {
                (attemptStatus, attemptFlag, attemptMs) = (504, "UT", perTryMs);
                steps?.Add($"per-try timeout {perTryMs} ms on {pod.Name}");
            }

            latency += attemptMs;
            status = attemptStatus;
            flag = attemptFlag;
            reached = attemptStatus == 0 ? null : (cluster.Service?.Name ?? cluster.Host, cluster.Subset, pod);
            RecordOutlier(cluster, endpoint, attemptStatus, now + latency);
            if (timeoutMs > 0 && latency > timeoutMs)
            {
                steps?.Add($"route timeout {timeoutMs} ms exceeded → 504 UT");
                return (504, "UT", reached, timeoutMs);
            }

            if (attempt < attempts && policy.Retries.Retriable(attemptStatus, attemptFlag))
            {
                steps?.Add($"retry {attempt + 1} of {attempts} after {attemptStatus}");
                latency += 25;
                continue;
            }

            break;
        }

        return (status, flag, reached, latency);
    }

    /// <summary>One try against one pod: mTLS handshake, authentication, authorization, then the app.</summary>
    private (int Status, string? Flag, double LatencyMs) Attempt(WorkloadInfo pod, Cluster cluster, bool hasSidecar, string? sourcePrincipal, List<string>? steps)
    {
        // Every request of a run carries the same identity, headers and path, so the security outcome per pod is computed once.
        if (!_security.TryGetValue(pod.Name, out var security))
        {
            security = Security(pod, cluster, hasSidecar, sourcePrincipal);
            _security[pod.Name] = security;
        }

        if (security.Status != 200)
        {
            steps?.Add(security.Step);
            return (security.Status, security.Flag, security.LatencyMs);
        }

        var behaviour = BehaviourOf(pod);
        var ms = BookinfoTopology.BaseLatencyMs(pod.App, pod.Version) * (0.75 + (0.5 * _random.NextDouble())) + (behaviour?.ExtraLatencyMs ?? 0);
        if (behaviour is { FailureRate: > 0 } && _random.NextDouble() < behaviour.FailureRate)
        {
            steps?.Add($"{pod.Name} answered {behaviour.FailureStatus}");
            return (behaviour.FailureStatus, "URX", ms);
        }

        steps?.Add(security.Step);
        return (200, null, ms);
    }

    private sealed record SecurityOutcome(int Status, string? Flag, double LatencyMs, string Step);

    private readonly Dictionary<string, SecurityOutcome> _security = new(StringComparer.Ordinal);

    private SecurityOutcome Security(WorkloadInfo pod, Cluster cluster, bool hasSidecar, string? sourcePrincipal)
    {
        var targetPort = cluster.Service?.Ports.FirstOrDefault(p => p.Port == cluster.Port)?.TargetPort ?? cluster.Port;
        var drTls = JsonFields.Str(cluster.Policy?["tls"]?["mode"]);
        var clientMtls = (hasSidecar && pod.HasSidecar && drTls is null or "ISTIO_MUTUAL") || (hasSidecar && drTls == "ISTIO_MUTUAL");
        var mode = pod.HasSidecar ? _mtls.Resolve(pod, targetPort) : null;
        if (mode is not null)
        {
            if (mode.Mode == MtlsMode.Strict && !clientMtls)
            {
                var step = $"{pod.Name} requires STRICT mTLS ({mode.Source ?? "mesh default"}) and the client sent plaintext → connection reset";
                return hasSidecar ? new(503, "UF", 1, step) : new(0, "reset", 1, step);
            }

            if (mode.Mode == MtlsMode.Disable && drTls == "ISTIO_MUTUAL")
            {
                return new(503, "UF", 1, $"{pod.Name} has mTLS DISABLE but the DestinationRule forces ISTIO_MUTUAL → 503 UF");
            }
        }
        else if (clientMtls && drTls == "ISTIO_MUTUAL")
        {
            return new(503, "UF", 1, $"{pod.Name} has no sidecar to terminate ISTIO_MUTUAL → 503 UF");
        }

        var principal = clientMtls && mode?.Mode != MtlsMode.Disable ? sourcePrincipal : null;
        if (pod.HasSidecar)
        {
            var authn = _authz.Authenticate(pod, _request.Jwt, out var requestPrincipal, out var claims);
            if (!authn.IsAllowed)
            {
                return new(authn.Status, null, 2, $"{pod.Name}: {authn.Status} {authn.Reason}");
            }

            var attributes = new RequestAttributes(principal, requestPrincipal, claims, _request.Host, targetPort, _request.Method, _request.Path, _headers);
            var decision = _authz.Authorize(pod, attributes);
            if (!decision.IsAllowed)
            {
                return new(403, null, 2, $"{pod.Name}: 403 {decision.Reason}");
            }
        }

        return new(200, null, 0, $"{pod.Name} answered 200{(principal is null ? " (plaintext)" : " (mTLS)")}");
    }

    private WorkloadBehaviour? BehaviourOf(WorkloadInfo pod) => _request.Behaviours.Count == 0 ? null :
        _request.Behaviours.GetValueOrDefault(pod.Name)
        ?? (pod.Version is null ? null : _request.Behaviours.GetValueOrDefault($"{pod.App}/{pod.Version}"))
        ?? _request.Behaviours.GetValueOrDefault(pod.App);

    private Dictionary<string, string> LowerHeaders() => _headers;

    private void RecordOutlier(Cluster cluster, Endpoint endpoint, int status, double now)
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
        _notes.Add($"outlier detection ejected {endpoint.Workload.Name} at {now:0} ms for {baseMs * endpoint.Ejections:0} ms");
    }

    private Endpoint PickEndpoint(Cluster cluster, List<Endpoint> candidates)
    {
        if (cluster.RoundRobinLb)
        {
            return candidates[cluster.RoundRobin++ % candidates.Count];
        }

        if (cluster.ConsistentHash is { } hash)
        {
            var key = JsonFields.Str(hash["httpHeaderName"]) is { } header ? LowerHeaders().GetValueOrDefault(header.ToLowerInvariant()) ?? "" : _request.Source ?? "";
            var stable = candidates.OrderBy(e => e.Workload.Name, StringComparer.Ordinal).ToList();
            return stable[(int)((uint)StableHash(key) % (uint)stable.Count)];
        }

        return candidates[_random.Next(candidates.Count)];
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

    private Cluster ClusterFor(RouteTarget target, bool hasSidecar)
    {
        var key = $"{target.Host}|{target.Subset}|{target.Port}";
        if (_clusters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var service = _model.FindService(target.Host);
        var port = target.Port ?? (service?.Ports.Count > 0 ? service.Ports[0].Port : 80);
        var pods = service is null ? [] : _model.WorkloadsOf(service).ToList();
        var rule = hasSidecar ? Destinations(target.Host) : null;
        JsonObject? policy = rule?.Spec["trafficPolicy"] as JsonObject;
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
        var cluster = new Cluster(target.Host, service, target.Subset, port, missing, pods.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new Endpoint(p)).ToList(), policy);
        _clusters[key] = cluster;
        if (rule is not null && !_notes.Contains($"DestinationRule {rule.Namespace}/{rule.Name} applies to {target.Host}"))
        {
            _notes.Add($"DestinationRule {rule.Namespace}/{rule.Name} applies to {target.Host}");
        }

        return cluster;
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

    private ConfigObject? Destinations(string fqdn)
    {
        var ns = _model.Namespace;
        return _model.OfKind("DestinationRule")
            .Where(dr => JsonFields.Str(dr.Spec["host"]) is { } h && HostName.SubsetOf(fqdn, HostName.Resolve(h, dr.Namespace)) && dr.Spec["workloadSelector"] is null)
            .OrderBy(dr => dr.Namespace == ns ? 0 : dr.Namespace == MeshSnapshot.RootNamespace ? 2 : 1)
            .ThenBy(dr => HostName.IsWildcard(JsonFields.Str(dr.Spec["host"])!) ? 1 : 0)
            .FirstOrDefault();
    }

    private WorkloadInfo? FindSource()
    {
        if (string.IsNullOrEmpty(_request.Source))
        {
            return null;
        }

        var local = _model.Workloads.Where(w => w.Namespace == _model.Namespace).ToList();
        return local.FirstOrDefault(w => w.Name == _request.Source)
            ?? local.Where(w => w.App == _request.Source).OrderBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? _model.Workloads.FirstOrDefault(w => w.Name == _request.Source)
            ?? _model.Workloads.Where(w => w.Namespace == MeshSnapshot.RootNamespace && w.App == _request.Source).OrderBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new ArgumentException($"No workload named \"{_request.Source}\" in {_model.Namespace}. Workloads: {string.Join(", ", local.Select(w => w.Name))}.");
    }

    /// <summary>A gateway deployment (istio=ingressgateway/egressgateway, as Istio's charts label them).</summary>
    private static bool IsGatewayPod(WorkloadInfo pod) =>
        pod.Labels.TryGetValue("istio", out var role) && role is "ingressgateway" or "egressgateway";

    /// <summary>Gateways whose selector picks the pod (in any namespace, as istiod does by default).</summary>
    private List<ConfigObject> GatewaysOf(WorkloadInfo pod) =>
        _model.OfKind("Gateway")
            .Where(g => JsonFields.Labels(g.Spec["selector"]) is { Count: > 0 } selector && pod.Matches(selector))
            .ToList();

    /// <summary>
    /// The VirtualService the gateway uses for a Host header on a listener port: a Gateway server on that
    /// port must accept the host, and a VirtualService must name that Gateway in spec.gateways
    /// ("name" in its own namespace, or "ns/name") with a host covering the Host header.
    /// </summary>
    private ConfigObject? FindGatewayVirtualService(string host, List<ConfigObject> gateways, int port)
    {
        var serving = gateways
            .Where(g => (g.Spec["servers"] as JsonArray ?? []).OfType<JsonObject>().Any(server =>
                JsonFields.Int(server["port"]?["number"]) == port
                && JsonFields.Strings(server["hosts"]).Any(h => HostName.SubsetOf(host, h.Contains('/', StringComparison.Ordinal) ? h[(h.IndexOf('/', StringComparison.Ordinal) + 1)..] : h))))
            .ToList();
        return _model.OfKind("VirtualService")
            .Where(vs => JsonFields.Strings(vs.Spec["gateways"]).Any(name => serving.Any(g =>
                name == $"{g.Namespace}/{g.Name}" || (name == g.Name && vs.Namespace == g.Namespace))))
            .Where(vs => JsonFields.Strings(vs.Spec["hosts"]).Any(h => HostName.SubsetOf(host, HostName.Resolve(h, vs.Namespace))))
            .OrderBy(vs => JsonFields.Str(vs.Raw["metadata"]?["creationTimestamp"]) ?? "", StringComparer.Ordinal)
            .ThenBy(vs => vs.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private ConfigObject? FindVirtualService(string fqdn, string sourceNamespace) =>
        _model.OfKind("VirtualService")
            .Where(vs => JsonFields.Strings(vs.Spec["gateways"]).ToList() is var g && (g.Count == 0 || g.Contains("mesh")))
            .Where(vs => JsonFields.Strings(vs.Spec["hosts"]).Any(h => HostName.SubsetOf(fqdn, HostName.Resolve(h, vs.Namespace))))
            .OrderBy(vs => vs.Namespace == sourceNamespace ? 0 : 1)
            .ThenBy(vs => JsonFields.Str(vs.Raw["metadata"]?["creationTimestamp"]) ?? "", StringComparer.Ordinal)
            .ThenBy(vs => vs.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    private (JsonObject? Rule, string? Name) MatchRule(ConfigObject vs, WorkloadInfo? source, int port)
    {
        var routes = (vs.Spec["http"] as JsonArray ?? []).ToList();
        var (path, query) = RouteRequest.SplitQuery(_request.Path);
        var request = new RouteRequest(path, _request.Method, "http", _request.Host, LowerHeaders(), query, port, source?.Namespace ?? _model.Namespace, source?.Labels);
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is not JsonObject route)
            {
                continue;
            }

            var matches = (route["match"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (matches.Count == 0 || matches.Any(m => HttpRouteMatch.FromVirtualService(m).Matches(request)))
            {
                return (route, JsonFields.Str(route["name"]) is { } n ? $"\"{n}\"" : $"#{i}");
            }
        }

        return (null, null);
    }

    private static double Percentile(double[] sorted, double p) =>
        Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
}
