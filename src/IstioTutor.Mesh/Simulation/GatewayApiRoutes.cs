using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// Which HTTPRoutes and GRPCRoutes attach where, and in what order their rules are tried — as Istio's
/// Gateway API controller (pilot/pkg/config/kube/gateway) builds them: routes oldest first (then
/// namespace, name), each match its own rule, then a stable sort by exact path &gt; prefix &gt; regex, longer
/// path, a method match, more header matches, more query matches; rules without matches last.
/// </summary>
internal sealed class GatewayApiRoutes(MeshModel model)
{
    private IEnumerable<ConfigObject> Routes =>
        model.OfKind(ResourceKinds.HttpRoute).Concat(model.OfKind(ResourceKinds.GrpcRoute));

    /// <summary>GAMMA: routes whose parentRefs name the Service (kind Service, core group), on any port or on this one.</summary>
    public IReadOnlyList<ConfigObject> ForService(ServiceInfo service, int port) =>
        Routes.Where(r => ParentRefs(r).Any(p =>
                p.Kind == "Service" && p.Group.Length == 0 && p.Name == service.Name && p.Namespace == service.Namespace && (p.Port is null || p.Port == port)))
            .ToList();

    /// <summary>
    /// The listeners of a Gateway API Gateway that take a request for <paramref name="host"/> on
    /// <paramref name="port"/> (HTTP/HTTPS listeners on the port whose hostname, if any, covers the host).
    /// </summary>
    public static IReadOnlyList<JsonObject> Listeners(ConfigObject gateway, string host, int port) =>
        (gateway.Spec["listeners"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(l => JsonFields.AnyInt(l["port"]) == port && JsonFields.Str(l["protocol"]) is "HTTP" or "HTTPS")
            .Where(l => JsonFields.Str(l["hostname"]) is not { } h || HostName.SubsetOf(host, h))
            .ToList();

    /// <summary>
    /// Routes attached to the given listeners of <paramref name="gateway"/> that serve <paramref name="host"/>:
    /// a parentRef naming the Gateway (and the listener by sectionName or port when given), a namespace and
    /// kind the listener's allowedRoutes admit (Same namespace by default), and a hostname covering the host.
    /// </summary>
    public IReadOnlyList<ConfigObject> ForGateway(ConfigObject gateway, IReadOnlyList<JsonObject> listeners, string host, List<string> notes)
    {
        var attached = new List<ConfigObject>();
        foreach (var route in Routes)
        {
            var refs = ParentRefs(route).Where(p => p.Kind == "Gateway" && p.Group == ResourceKinds.K8sGateway.Group && p.Name == gateway.Name && p.Namespace == gateway.Namespace).ToList();
            if (refs.Count == 0)
            {
                continue;
            }

            var admitted = listeners.Where(l => refs.Any(p => (p.Section is null || p.Section == JsonFields.Str(l["name"])) && (p.Port is null || p.Port == JsonFields.AnyInt(l["port"]))))
                .Where(l => Admits(l, route, gateway.Namespace))
                .ToList();
            if (admitted.Count == 0)
            {
                notes.Add($"{route.Reference} names Gateway {gateway.Name} but no listener for {host} admits it (sectionName, port, or allowedRoutes namespaces/kinds)");
                continue;
            }

            if (!Hostnames(route).Any(h => HostName.SubsetOf(host, h)))
            {
                notes.Add($"{route.Reference} is attached to Gateway {gateway.Name} but its hostnames ({string.Join(", ", Hostnames(route))}) do not cover {host}");
                continue;
            }

            attached.Add(route);
        }

        return attached;
    }

    /// <summary>Every match of the routes' rules, in the order a proxy tries them.</summary>
    public static IReadOnlyList<GatewayRouteRule> Ordered(IEnumerable<ConfigObject> routes)
    {
        var flat = new List<GatewayRouteRule>();
        foreach (var route in routes.OrderBy(Created, StringComparer.Ordinal).ThenBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            var grpc = route.Kind == ResourceKinds.GrpcRoute.Kind;
            var rules = (route.Spec["rules"] as JsonArray ?? []).ToList();
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i] is not JsonObject rule)
                {
                    continue;
                }

                var matches = (rule["matches"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                if (matches.Count == 0)
                {
                    flat.Add(new GatewayRouteRule(route, rule, i, null));
                    continue;
                }

                flat.AddRange(matches.Select(m => new GatewayRouteRule(route, rule, i, grpc ? Routing.HttpRouteMatch.FromGrpcRoute(m) : Routing.HttpRouteMatch.FromHttpRoute(m))));
            }
        }

        // List.Sort is not stable; OrderBy is, and ties keep the oldest route's rules first.
        return flat
            .OrderBy(r => r.Match is null ? 1 : 0)
            .ThenByDescending(r => r.Match?.UriRank.Rank ?? -1)
            .ThenByDescending(r => r.Match?.UriRank.Length ?? 0)
            .ThenByDescending(r => r.Match?.Method is null ? 0 : 1)
            .ThenByDescending(r => r.Match?.Headers.Count ?? 0)
            .ThenByDescending(r => r.Match?.QueryParams.Count ?? 0)
            .ToList();
    }

    /// <summary>metadata.creationTimestamp (RFC 3339, so ordinal order is time order); "" when absent.</summary>
    public static string Created(ConfigObject config) => JsonFields.Str(config.Raw["metadata"]?["creationTimestamp"]) ?? "";

    /// <summary>The route's hostnames ("*" when it lists none: it serves any host its parent accepts).</summary>
    public static IReadOnlyList<string> Hostnames(ConfigObject route) =>
        JsonFields.Strings(route.Spec["hostnames"]).ToList() is { Count: > 0 } names ? names : ["*"];

    /// <summary>parentRefs with defaults filled: group gateway.networking.k8s.io, kind Gateway, the route's namespace.</summary>
    public static IReadOnlyList<ParentRef> ParentRefs(ConfigObject route) =>
        (route.Spec["parentRefs"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new ParentRef(
            JsonFields.Str(p["group"]) is { } g ? (g == "core" ? "" : g) : ResourceKinds.K8sGateway.Group,
            JsonFields.Str(p["kind"]) ?? "Gateway",
            JsonFields.Str(p["name"]) ?? "",
            JsonFields.Str(p["namespace"]) ?? route.Namespace,
            JsonFields.Str(p["sectionName"]),
            JsonFields.AnyInt(p["port"]))).ToList();

    private bool Admits(JsonObject listener, ConfigObject route, string gatewayNamespace)
    {
        var allowed = listener["allowedRoutes"];
        var from = JsonFields.Str(allowed?["namespaces"]?["from"]) ?? "Same";
        var nsOk = from switch
        {
            "All" => true,
            "Selector" => JsonFields.Labels(allowed?["namespaces"]?["selector"]?["matchLabels"]) is var labels && model.NamespaceLabels(route.Namespace) is var actual && labels.All(l => actual.TryGetValue(l.Key, out var v) && v == l.Value),
            _ => gatewayNamespace == route.Namespace,
        };
        var kinds = (allowed?["kinds"] as JsonArray ?? []).OfType<JsonObject>().Select(k => JsonFields.Str(k["kind"])).OfType<string>().ToList();
        var kindOk = kinds.Count == 0 ? route.Kind is "HTTPRoute" or "GRPCRoute" : kinds.Contains(route.Kind);
        return nsOk && kindOk;
    }
}

/// <summary>A route's parentRef with the Gateway API defaults filled in.</summary>
internal sealed record ParentRef(string Group, string Kind, string Name, string Namespace, string? Section, int? Port);
