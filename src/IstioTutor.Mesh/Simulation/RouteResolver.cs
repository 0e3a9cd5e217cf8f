using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// Route selection, the client-side half of a request: which configuration applies to the host (a mesh
/// VirtualService for a sidecar client, a Gateway-bound one at an ingress gateway; HTTPRoutes attached to a
/// Gateway API Gateway or, GAMMA, to the Service; an ambient client's waypoint), which rule matches, and
/// the <see cref="RoutePlan"/> it gives. Adds the notes a learner reads in the report.
/// </summary>
internal sealed class RouteResolver(MeshModel model, SimulationRequest request, List<string> notes)
{
    private readonly GatewayApiRoutes _gatewayApi = new(model);

    public ResolvedRoute Resolve(TrafficSource source)
    {
        if (source.K8sGateway is { } k8sGateway)
        {
            return ResolveAtK8sGateway(source, k8sGateway);
        }

        var ns = model.Namespace;
        var clientNamespace = source.Namespace(model);
        var ingress = source.IsIngress;
        var gateways = source.Gateways.ToList();
        var fqdn = ingress ? request.Host.Split(':')[0].ToLowerInvariant() : model.ResolveClientHost(request.Host, clientNamespace);
        var service = ingress ? null : model.FindService(fqdn);
        var waypoint = WaypointOf(source, service);

        // Who routes: the client's sidecar (config seen from its namespace), else an ambient client's waypoint.
        var routingNamespace = ingress ? null : source.HasSidecar ? clientNamespace : waypoint?.Namespace;
        var vs = ingress ? FindGatewayVirtualService(fqdn, gateways, request.Port ?? 80) : routingNamespace is not null ? FindVirtualService(fqdn, routingNamespace) : null;
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

        notes.Add(source.Workload is null ? "source: a client pod without a sidecar"
            : source.Ambient ? $"source: {source.Workload.Name} (ambient: no sidecar; ztunnel carries its traffic over HBONE with mTLS as {source.Principal})"
            : $"source: {source.Workload.Name} ({(source.HasSidecar ? "with" : "without")} sidecar)");
        if (source.Ambient)
        {
            notes.Add(waypoint is null
                ? $"{fqdn} has no waypoint: ztunnel works at L4 only, so no VirtualService or HTTPRoute applies and only L4 AuthorizationPolicy rules are enforced"
                : $"{fqdn} uses waypoint {waypoint.Namespace}/{waypoint.Name}: it routes the request (HTTPRoute, DestinationRule) and enforces L7 AuthorizationPolicy bound to it by targetRefs");
        }
        else if (!source.HasSidecar)
        {
            notes.Add("without a sidecar the client sends plaintext and no VirtualService or DestinationRule applies on its side: kube-proxy picks any pod of the Service");
        }

        // GAMMA: HTTPRoutes whose parentRef is the Service, applied by the same proxy a VirtualService would be.
        var meshRoutes = ingress || service is null ? [] : _gatewayApi.ForService(service, port);
        if (meshRoutes.Count > 0 && routingNamespace is null)
        {
            notes.Add($"{string.Join(", ", meshRoutes.Select(r => r.Reference))} {(meshRoutes.Count == 1 ? "is" : "are")} attached to Service {service!.Name} but nothing on this path applies it: a route needs the client's sidecar or, in ambient mode, a waypoint");
        }
        else if (meshRoutes.Count > 0 && ChooseMeshRoutes(meshRoutes, vs, routingNamespace!) is { } chosen)
        {
            return MatchGatewayApi(chosen, fqdn, service, port, source, waypoint);
        }

        if (vs is null)
        {
            var plan = ingress
                ? new RoutePlan(null, [], RequestPolicy.From(null, ns)) { Matched = false }
                : new RoutePlan(null, [new RouteTarget(fqdn, null, port, 100)], RequestPolicy.From(null, ns)) { Waypoint = waypoint };
            return new ResolvedRoute(fqdn, service, port, null, plan);
        }

        var (rule, ruleName, match) = MatchRule(vs, source, port);
        notes.Add(rule is null ? $"{vs.Reference}: no HTTP rule matches the request → 404 NR" : $"{vs.Reference}: rule {ruleName} matches");
        return new ResolvedRoute(fqdn, service, port, vs.Reference, rule is null
            ? new RoutePlan(null, [], RequestPolicy.From(null, vs.Namespace)) { Matched = false, Waypoint = waypoint }
            : PlanOf(rule, ruleName, match, fqdn, vs.Namespace) with { Waypoint = waypoint });
    }

    /// <summary>The waypoint an ambient client's request to the Service goes through (notes why none when a label asks for one).</summary>
    private ConfigObject? WaypointOf(TrafficSource source, ServiceInfo? service)
    {
        if (!source.Ambient || service is null)
        {
            return null;
        }

        var waypoint = new AmbientMesh(model).WaypointFor(service, out var reason);
        if (reason is not null)
        {
            notes.Add(reason);
        }

        return waypoint;
    }

    /// <summary>
    /// Istio's precedence between a VirtualService and GAMMA HTTPRoutes for one host (pilot/pkg/model
    /// SelectVirtualServices): Gateway API routes of the routing proxy's own namespace come first; otherwise
    /// the oldest configuration wins (creation time, then namespace, then name). The routes of one namespace
    /// are merged into one route table. Null when the VirtualService wins.
    /// </summary>
    private IReadOnlyList<ConfigObject>? ChooseMeshRoutes(IReadOnlyList<ConfigObject> routes, ConfigObject? vs, string routingNamespace)
    {
        var byNamespace = routes.GroupBy(r => r.Namespace).ToList();
        var own = byNamespace.FirstOrDefault(g => g.Key == routingNamespace);
        if (own is not null)
        {
            if (vs is not null)
            {
                notes.Add($"{string.Join(", ", own.Select(r => r.Reference))} and {vs.Reference} both route this host: Istio prefers Gateway API routes from the proxy's own namespace ({routingNamespace}), so the VirtualService is not used");
            }

            return own.ToList();
        }

        var oldest = byNamespace
            .Select(g => (Routes: g.ToList(), Key: (Created: g.Select(GatewayApiRoutes.Created).Order(StringComparer.Ordinal).First(), g.Key, Name: g.Select(r => r.Name).Order(StringComparer.Ordinal).First())))
            .OrderBy(g => g.Key.Created, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .First();
        if (vs is null)
        {
            return oldest.Routes;
        }

        var vsKey = (GatewayApiRoutes.Created(vs), vs.Namespace, vs.Name);
        var routesFirst = string.CompareOrdinal(oldest.Key.Created, vsKey.Item1) is var c && (c < 0 || (c == 0 && string.CompareOrdinal($"{oldest.Key.Key}/{oldest.Key.Name}", $"{vsKey.Namespace}/{vsKey.Name}") < 0));
        notes.Add(routesFirst
            ? $"{string.Join(", ", oldest.Routes.Select(r => r.Reference))} and {vs.Reference} both route this host: the older configuration wins, so the VirtualService is not used"
            : $"{vs.Reference} and {string.Join(", ", oldest.Routes.Select(r => r.Reference))} both route this host: the older configuration wins, so the HTTPRoute is not used");
        return routesFirst ? oldest.Routes : null;
    }

    /// <summary>A request at the pod Istio deploys for a Gateway API Gateway: listener, attached routes, then their rules.</summary>
    private ResolvedRoute ResolveAtK8sGateway(TrafficSource source, ConfigObject gateway)
    {
        var host = request.Host.Split(':')[0].ToLowerInvariant();
        var port = request.Port ?? 80;
        notes.Add($"{source.Workload!.Name} is the deployment Istio generated for Gateway API Gateway {gateway.Namespace}/{gateway.Name} (class {JsonFields.Str(gateway.Spec["gatewayClassName"])}); Host header {host}, port {port}");
        var listeners = GatewayApiRoutes.Listeners(gateway, host, port);
        if (listeners.Count == 0)
        {
            notes.Add($"no HTTP listener of Gateway {gateway.Name} takes host {host} on port {port} → 404 NR");
            return new ResolvedRoute(host, null, port, null, new RoutePlan(null, [], RequestPolicy.From(null, gateway.Namespace)) { Matched = false });
        }

        var routes = _gatewayApi.ForGateway(gateway, listeners, host, notes);
        if (routes.Count == 0)
        {
            notes.Add($"no HTTPRoute attached to Gateway {gateway.Name} serves {host} → 404 NR");
            return new ResolvedRoute(host, null, port, null, new RoutePlan(null, [], RequestPolicy.From(null, gateway.Namespace)) { Matched = false });
        }

        return MatchGatewayApi(routes, host, null, port, source, null);
    }

    /// <summary>The first of the routes' ordered rules that matches the request, as a plan.</summary>
    private ResolvedRoute MatchGatewayApi(IReadOnlyList<ConfigObject> routes, string fqdn, ServiceInfo? service, int port, TrafficSource source, ConfigObject? waypoint)
    {
        var routeRequest = RouteRequestOf(source, port);
        var hit = GatewayApiRoutes.Ordered(routes).FirstOrDefault(r => r.Match is null || r.Match.Matches(routeRequest));
        if (hit is null)
        {
            notes.Add($"{string.Join(", ", routes.Select(r => r.Reference))}: no rule matches the request → 404 NR");
            return new ResolvedRoute(fqdn, service, port, routes[0].Reference, new RoutePlan(null, [], RequestPolicy.From(null, routes[0].Namespace)) { Matched = false, Waypoint = waypoint });
        }

        notes.Add($"{hit.Route.Reference}: rule {hit.DisplayName} matches");
        var plan = new GatewayRoutePlan(model, request, port, enforceReferenceGrant: service is null).Build(hit) with { Waypoint = waypoint };
        return new ResolvedRoute(fqdn, service, port, hit.Route.Reference, plan);
    }

    private RouteRequest RouteRequestOf(TrafficSource source, int port)
    {
        var (path, query) = RouteRequest.SplitQuery(request.Path);
        var headers = request.LowerCaseHeaders();
        return new RouteRequest(path, request.Method, "http", request.Host, headers, query, port, source.Namespace(model), source.Workload?.Labels);
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
        var routeRequest = RouteRequestOf(source, port);
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
