using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// Route selection, the client-side half of a request: which configuration applies to the host (a mesh
/// VirtualService for a sidecar client, a Gateway-bound one at an ingress gateway), which rule matches,
/// and the <see cref="RoutePlan"/> it gives. Adds the notes a learner reads in the report.
/// </summary>
internal sealed class RouteResolver(MeshModel model, SimulationRequest request, List<string> notes)
{
    public ResolvedRoute Resolve(TrafficSource source)
    {
        var ns = model.Namespace;
        var clientNamespace = source.Namespace(model);
        var ingress = source.IsIngress;
        var gateways = source.Gateways.ToList();
        var fqdn = ingress ? request.Host.Split(':')[0].ToLowerInvariant() : model.ResolveClientHost(request.Host, clientNamespace);
        var service = ingress ? null : model.FindService(fqdn);
        var vs = ingress ? FindGatewayVirtualService(fqdn, gateways, request.Port ?? 80) : source.HasSidecar ? FindVirtualService(fqdn, clientNamespace) : null;
        if (ingress)
        {
            notes.Add(gateways.Count == 0
                ? $"{source.Workload!.Name} is a gateway but no Gateway selects it: it has no listener for {fqdn}"
                : $"{source.Workload!.Name} serves Gateway {string.Join(", ", gateways.Select(g => $"{g.Namespace}/{g.Name}"))}; Host header {fqdn}");
            if (vs is null)
            {
                notes.Add($"no VirtualService bound to {(gateways.Count == 0 ? "a Gateway" : "that Gateway")} serves {fqdn} on port {request.Port ?? 80} → 404 NR");
            }
        }
        else if (service is null && vs is null)
        {
            var known = string.Join(", ", model.Services.Where(s => s.Namespace == ns).Select(s => s.Name));
            throw new UnknownHostException(request.Host, fqdn, ns, known);
        }

        // At a gateway the port is its own listener's: the VirtualService's port matches are against it.
        var port = ingress ? request.Port ?? 80 : request.Port ?? (service?.Ports.Count > 0 ? service.Ports[0].Port : 80);
        if (service is { FromServiceEntry: true, Endpoints.Count: > 0 })
        {
            notes.Add($"{fqdn} comes from ServiceEntry {service.Namespace}/{service.Name}: its endpoints ({string.Join(", ", service.Endpoints.Select(e => e.Name))}) have no sidecar and are assumed to answer 200 (nothing outside the mesh is contacted)");
        }

        notes.Add(source.Workload is null ? "source: a client pod without a sidecar" : $"source: {source.Workload.Name} ({(source.HasSidecar ? "with" : "without")} sidecar)");
        if (!source.HasSidecar)
        {
            notes.Add("without a sidecar the client sends plaintext and no VirtualService or DestinationRule applies on its side: kube-proxy picks any pod of the Service");
        }

        if (vs is null)
        {
            var plan = ingress
                ? new RoutePlan(null, [], RequestPolicy.From(null, ns)) { Matched = false }
                : new RoutePlan(null, [new RouteTarget(fqdn, null, port, 100)], RequestPolicy.From(null, ns));
            return new ResolvedRoute(fqdn, service, port, null, plan);
        }

        var (rule, ruleName, match) = MatchRule(vs, source, port);
        notes.Add(rule is null ? $"{vs.Reference}: no HTTP rule matches the request → 404 NR" : $"{vs.Reference}: rule {ruleName} matches");
        return new ResolvedRoute(fqdn, service, port, vs.Reference, rule is null
            ? new RoutePlan(null, [], RequestPolicy.From(null, vs.Namespace)) { Matched = false }
            : PlanOf(rule, ruleName, match, fqdn, vs.Namespace));
    }

    /// <summary>A VirtualService HTTP rule as a <see cref="RoutePlan"/>.</summary>
    private RoutePlan PlanOf(JsonObject rule, string? ruleName, JsonObject? match, string fqdn, string vsNamespace)
    {
        var routes = rule["route"] as JsonArray ?? [];
        var targets = routes.OfType<JsonObject>().Select(d => new RouteTarget(
            HostName.Resolve(JsonFields.Str(d["destination"]?["host"]) ?? fqdn, vsNamespace),
            JsonFields.Str(d["destination"]?["subset"]),
            JsonFields.Int(d["destination"]?["port"]?["number"]),
            JsonFields.Int(d["weight"]) ?? (routes.Count == 1 ? 100 : 0))).ToList();
        return new RoutePlan(ruleName, targets, RequestPolicy.From(rule, vsNamespace))
        {
            Reply = ReplyOf(rule),
            RequestHeaders = HeaderEdits.FromVirtualService(rule["headers"]?["request"]),
            ResponseHeaders = HeaderEdits.FromVirtualService(rule["headers"]?["response"]),
            RewritePath = RewrittenPath(rule["rewrite"]?["uri"], match),
            RewriteAuthority = JsonFields.Str(rule["rewrite"]?["authority"]),
        };
    }

    private static DirectReply? ReplyOf(JsonObject rule)
    {
        if (rule["directResponse"] is JsonObject direct)
        {
            var body = direct["body"];
            return new DirectReply(JsonFields.Int(direct["status"]) ?? 200, JsonFields.Str(body?["string"]) ?? JsonFields.Str(body?["bytes"]), null);
        }

        if (rule["redirect"] is JsonObject redirect)
        {
            var location = $"{JsonFields.Str(redirect["scheme"]) ?? "http"}://{JsonFields.Str(redirect["authority"]) ?? "<host>"}{JsonFields.Str(redirect["uri"]) ?? "<path>"}";
            return new DirectReply(JsonFields.Int(redirect["redirectCode"]) ?? 301, null, location);
        }

        return null;
    }

    /// <summary>Istio's <c>rewrite.uri</c> replaces the part a prefix match matched, or the whole path otherwise.</summary>
    private string? RewrittenPath(JsonNode? uri, JsonObject? match)
    {
        if (JsonFields.Str(uri) is not { } replacement)
        {
            return null;
        }

        var (path, query) = RouteRequest.SplitQuery(request.Path);
        var prefix = JsonFields.Str(match?["uri"]?["prefix"]);
        var rewritten = prefix is not null && path.StartsWith(prefix, StringComparison.Ordinal) ? replacement + path[prefix.Length..] : replacement;
        return query.Count == 0 ? rewritten : rewritten + request.Path[request.Path.IndexOf('?', StringComparison.Ordinal)..];
    }

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
        return model.OfKind("VirtualService")
            .Where(vs => JsonFields.Strings(vs.Spec["gateways"]).Any(name => serving.Any(g =>
                name == $"{g.Namespace}/{g.Name}" || (name == g.Name && vs.Namespace == g.Namespace))))
            .Where(vs => JsonFields.Strings(vs.Spec["hosts"]).Any(h => HostName.SubsetOf(host, HostName.Resolve(h, vs.Namespace))))
            .OrderBy(vs => JsonFields.Str(vs.Raw["metadata"]?["creationTimestamp"]) ?? "", StringComparer.Ordinal)
            .ThenBy(vs => vs.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private ConfigObject? FindVirtualService(string fqdn, string sourceNamespace) =>
        model.OfKind("VirtualService")
            .Where(vs => JsonFields.Strings(vs.Spec["gateways"]).ToList() is var g && (g.Count == 0 || g.Contains("mesh")))
            .Where(vs => JsonFields.Strings(vs.Spec["hosts"]).Any(h => HostName.SubsetOf(fqdn, HostName.Resolve(h, vs.Namespace))))
            .OrderBy(vs => vs.Namespace == sourceNamespace ? 0 : 1)
            .ThenBy(vs => JsonFields.Str(vs.Raw["metadata"]?["creationTimestamp"]) ?? "", StringComparer.Ordinal)
            .ThenBy(vs => vs.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    private (JsonObject? Rule, string? Name, JsonObject? Match) MatchRule(ConfigObject vs, TrafficSource source, int port)
    {
        var routes = (vs.Spec["http"] as JsonArray ?? []).ToList();
        var (path, query) = RouteRequest.SplitQuery(request.Path);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);
        var routeRequest = new RouteRequest(path, request.Method, "http", request.Host, headers, query, port, source.Namespace(model), source.Workload?.Labels);
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is not JsonObject route)
            {
                continue;
            }

            var matches = (route["match"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var hit = matches.FirstOrDefault(m => HttpRouteMatch.FromVirtualService(m).Matches(routeRequest));
            if (matches.Count == 0 || hit is not null)
            {
                return (route, JsonFields.Str(route["name"]) is { } n ? $"\"{n}\"" : $"#{i}", hit);
            }
        }

        return (null, null, null);
    }
}
