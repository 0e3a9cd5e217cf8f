using System.Globalization;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// An HTTPRoute or GRPCRoute rule as a <see cref="RoutePlan"/>, the way Istio converts it
/// (pilot/pkg/config/kube/gateway/conversion.go): backendRefs with weights (default 1; all zero → 500),
/// RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect (302 unless statusCode), URLRewrite
/// (hostname, ReplaceFullPath, ReplacePrefixMatch), RequestMirror (percent or fraction), timeouts.request
/// as the route timeout and timeouts.backendRequest as the per-try timeout when retry is set (else the
/// route timeout), and retry (attempts default 2, codes). The Gateway API has no fault injection. A backendRef
/// to another namespace needs a ReferenceGrant on Gateway routes; Istio does not ask for one on mesh (GAMMA) routes.
/// </summary>
internal sealed class GatewayRoutePlan(MeshModel model, SimulationRequest request, int port, bool enforceReferenceGrant)
{
    public RoutePlan Build(GatewayRouteRule matched)
    {
        ArgumentNullException.ThrowIfNull(matched);
        var rule = matched.Rule;
        var ns = matched.Route.Namespace;
        var filters = (rule["filters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        JsonObject? Filter(string type, string field) => filters.FirstOrDefault(f => JsonFields.Str(f["type"]) == type)?[field] as JsonObject;

        var redirect = Filter("RequestRedirect", "requestRedirect");
        var rewrite = Filter("URLRewrite", "urlRewrite");
        var targets = Targets(rule, ns, matched.Route.Kind);
        var reply = redirect is not null ? Redirect(redirect, matched.Match)
            : targets.Sum(t => t.Weight) == 0 ? new DirectReply(500, null, null)
            : null;
        return new RoutePlan(matched.DisplayName, reply is null ? targets : [], Policy(rule, filters, ns))
        {
            Reply = reply,
            RequestHeaders = HeaderEdits.FromGatewayApi(Filter("RequestHeaderModifier", "requestHeaderModifier")),
            ResponseHeaders = HeaderEdits.FromGatewayApi(Filter("ResponseHeaderModifier", "responseHeaderModifier")),
            RewritePath = rewrite?["path"] is JsonObject path ? RewrittenPath(path, matched.Match) : null,
            RewriteAuthority = JsonFields.Str(rewrite?["hostname"]),
        };
    }

    private List<RouteTarget> Targets(JsonObject rule, string routeNamespace, string routeKind) =>
        (rule["backendRefs"] as JsonArray ?? []).OfType<JsonObject>().Select(b =>
        {
            var name = JsonFields.Str(b["name"]) ?? "";
            var ns = JsonFields.Str(b["namespace"]) ?? routeNamespace;
            var weight = JsonFields.AnyInt(b["weight"]) ?? 1;
            var target = new RouteTarget(HostName.ServiceFqdn(name, ns), null, JsonFields.AnyInt(b["port"]), weight);
            var kind = JsonFields.Str(b["kind"]) ?? "Service";
            var group = JsonFields.Str(b["group"]) ?? "";
            if (kind != "Service" || group is not ("" or "core"))
            {
                return target with { Invalid = $"InvalidKind: backendRef kind {group}/{kind} is not a Service" };
            }

            if (enforceReferenceGrant && ns != routeNamespace && !Granted(routeNamespace, routeKind, ns, name))
            {
                return target with { Invalid = $"RefNotPermitted: no ReferenceGrant in {ns} lets {routeKind}s of {routeNamespace} use Service {name}" };
            }

            return model.FindService(target.Host) is null ? target with { Invalid = $"BackendNotFound: Service {ns}/{name} does not exist" } : target;
        }).ToList();

    /// <summary>A ReferenceGrant in the target namespace admitting routes of this kind from the route's namespace.</summary>
    private bool Granted(string fromNamespace, string routeKind, string toNamespace, string serviceName) =>
        model.OfKind(ResourceKinds.ReferenceGrant).Where(g => g.Namespace == toNamespace).Any(g =>
            (g.Spec["from"] as JsonArray ?? []).OfType<JsonObject>().Any(f => JsonFields.Str(f["group"]) == ResourceKinds.K8sGateway.Group && JsonFields.Str(f["kind"]) == routeKind && JsonFields.Str(f["namespace"]) == fromNamespace)
            && (g.Spec["to"] as JsonArray ?? []).OfType<JsonObject>().Any(t => (JsonFields.Str(t["group"]) ?? "") == "" && JsonFields.Str(t["kind"]) == "Service" && (JsonFields.Str(t["name"]) is not { } n || n == serviceName)));

    private static RequestPolicy Policy(JsonObject rule, List<JsonObject> filters, string ns)
    {
        var retry = rule["retry"] as JsonObject;
        var retries = retry is null ? RetryPolicy.Default : RetryOf(retry);
        double timeoutMs = 0;
        if (GoDuration.ParseOrNull(JsonFields.Str(rule["timeouts"]?["request"]))?.TotalMilliseconds is { } request and > 0)
        {
            timeoutMs = request;
        }

        if (GoDuration.ParseOrNull(JsonFields.Str(rule["timeouts"]?["backendRequest"]))?.TotalMilliseconds is { } backend and > 0)
        {
            if (retry is null)
            {
                timeoutMs = backend;
            }
            else
            {
                retries = retries with { PerTryMs = backend };
            }
        }

        var mirrors = filters.Where(f => JsonFields.Str(f["type"]) == "RequestMirror").Select(f => f["requestMirror"]).OfType<JsonObject>().Select(m =>
        {
            var backend = m["backendRef"];
            var host = HostName.ServiceFqdn(JsonFields.Str(backend?["name"]) ?? "", JsonFields.Str(backend?["namespace"]) ?? ns);
            double percent = m["fraction"] is JsonObject fraction
                ? 100.0 * (JsonFields.AnyInt(fraction["numerator"]) ?? 0) / Math.Max(1, JsonFields.AnyInt(fraction["denominator"]) ?? 100)
                : JsonFields.AnyInt(m["percent"]) ?? 100;
            return new MirrorTarget(host, percent);
        }).ToList();
        return new RequestPolicy(FaultPolicy.None, retries, timeoutMs, mirrors);
    }

    /// <summary>HTTPRoute retry as Istio converts it: connect failures and the listed codes, 2 attempts unless given.</summary>
    private static RetryPolicy RetryOf(JsonObject retry)
    {
        var codes = (retry["codes"] as JsonArray ?? []).Select(c => JsonFields.AnyInt(c)).OfType<int>().ToHashSet();
        var on = new HashSet<string>(["connect-failure", "refused-stream", "unavailable", "cancelled", .. codes.Select(c => c.ToString(CultureInfo.InvariantCulture))], StringComparer.Ordinal);
        return new RetryPolicy(JsonFields.AnyInt(retry["attempts"]) ?? 2, 0, on, codes);
    }

    /// <summary>The Location of a RequestRedirect: scheme, hostname, port and path default to the request's.</summary>
    private DirectReply Redirect(JsonObject redirect, HttpRouteMatch? match)
    {
        var scheme = JsonFields.Str(redirect["scheme"]);
        var host = JsonFields.Str(redirect["hostname"]) ?? request.Host.Split(':')[0];
        var redirectPort = JsonFields.AnyInt(redirect["port"]) ?? (scheme is null ? port : null);
        var effectiveScheme = scheme ?? "http";
        var portPart = redirectPort is { } p && !(effectiveScheme == "http" && p == 80) && !(effectiveScheme == "https" && p == 443) ? $":{p}" : "";
        var path = redirect["path"] is JsonObject modifier ? RewrittenPath(modifier, match) : request.Path;
        return new DirectReply(JsonFields.AnyInt(redirect["statusCode"]) ?? 302, null, $"{effectiveScheme}://{host}{portPart}{path}");
    }

    /// <summary>ReplaceFullPath replaces the path; ReplacePrefixMatch replaces the part a PathPrefix match matched. The query string is kept.</summary>
    private string RewrittenPath(JsonObject modifier, HttpRouteMatch? match)
    {
        var (path, _) = RouteRequest.SplitQuery(request.Path);
        var query = request.Path.Contains('?', StringComparison.Ordinal) ? request.Path[request.Path.IndexOf('?', StringComparison.Ordinal)..] : "";
        string rewritten;
        if (JsonFields.Str(modifier["type"]) == "ReplaceFullPath")
        {
            rewritten = JsonFields.Str(modifier["replaceFullPath"]) ?? path;
        }
        else
        {
            var prefix = match?.Uri is { Kind: StringMatchKind.PathPrefix } uri ? uri.Value : "/";
            var rest = prefix == "/" ? path : path[Math.Min(prefix.Length, path.Length)..];
            var replacement = (JsonFields.Str(modifier["replacePrefixMatch"]) ?? "/").TrimEnd('/');
            rewritten = replacement + (rest.StartsWith('/') || rest.Length == 0 ? rest : "/" + rest);
            rewritten = rewritten.Length == 0 ? "/" : rewritten;
        }

        return rewritten + query;
    }
}
