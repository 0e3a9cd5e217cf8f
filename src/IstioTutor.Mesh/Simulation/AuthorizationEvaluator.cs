using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// The destination sidecar's security filters, in Envoy's order: RequestAuthentication (a JWT that does
/// not verify → 401; no JWT passes), then AuthorizationPolicy CUSTOM, DENY, ALLOW (if any ALLOW policy
/// applies and none matches → 403 "RBAC: access denied"). A matching CUSTOM policy asks an external
/// authorizer the simulator cannot reach; it answers like Istio's sample ext-authz server: allow only
/// with header "x-ext-authz: allow".
/// </summary>
internal sealed class AuthorizationEvaluator(MeshModel model)
{
    public IReadOnlyList<ConfigObject> PoliciesFor(WorkloadInfo workload, string kind) =>
        model.OfKind(kind).Where(p => Applies(p, workload)).ToList();

    public AuthorizationDecision Authenticate(WorkloadInfo workload, SimulatedJwt? jwt, out string? requestPrincipal, out IReadOnlyDictionary<string, string> claims)
    {
        requestPrincipal = null;
        claims = new Dictionary<string, string>();
        var rules = PoliciesFor(workload, "RequestAuthentication")
            .SelectMany(p => (p.Spec["jwtRules"] as JsonArray ?? []).OfType<JsonObject>())
            .ToList();
        if (jwt is null || rules.Count == 0)
        {
            return AuthorizationDecision.Allowed(jwt is null ? "no JWT presented" : "no RequestAuthentication applies; the JWT is ignored");
        }

        var rule = rules.FirstOrDefault(r => JsonFields.Str(r["issuer"]) == jwt.Issuer);
        if (rule is null)
        {
            return new AuthorizationDecision(401, "Jwt issuer is not configured");
        }

        if (!jwt.Valid)
        {
            return new AuthorizationDecision(401, "Jwt verification fails");
        }

        var audiences = JsonFields.Strings(rule["audiences"]).ToList();
        var tokenAudience = jwt.Claims?.GetValueOrDefault("aud");
        if (audiences.Count > 0 && (tokenAudience is null || !audiences.Contains(tokenAudience)))
        {
            return new AuthorizationDecision(401, "Audiences in Jwt are not allowed");
        }

        requestPrincipal = jwt.RequestPrincipal;
        var all = new Dictionary<string, string>(jwt.Claims ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["iss"] = jwt.Issuer,
            ["sub"] = jwt.Subject,
        };
        claims = all;
        return AuthorizationDecision.Allowed($"JWT from {jwt.Issuer} verified");
    }

    public AuthorizationDecision Authorize(WorkloadInfo workload, RequestAttributes request) =>
        Decide(PoliciesFor(workload, "AuthorizationPolicy"), request);

    /// <summary>
    /// The AuthorizationPolicies a waypoint enforces for a Service: those whose targetRefs name the waypoint
    /// Gateway, the Service (when it uses this waypoint), or the istio-waypoint GatewayClass from the root namespace.
    /// </summary>
    public IReadOnlyList<ConfigObject> PoliciesForWaypoint(ConfigObject waypoint, ServiceInfo? service) =>
        model.OfKind("AuthorizationPolicy").Where(p => AmbientMesh.TargetRefs(p).Any(r =>
            (r.Group == ResourceKinds.K8sGateway.Group && r.Kind == "Gateway" && r.Name == waypoint.Name && r.Namespace == waypoint.Namespace && p.Namespace == waypoint.Namespace)
            || (r.Group.Length == 0 && r.Kind == "Service" && service is not null && r.Name == service.Name && r.Namespace == service.Namespace && p.Namespace == service.Namespace)
            || (r.Kind == "GatewayClass" && r.Name == AmbientMesh.WaypointClass && p.Namespace == MeshSnapshot.RootNamespace))).ToList();

    /// <summary>CUSTOM, then DENY, then ALLOW over the given policies.</summary>
    public static AuthorizationDecision Decide(IReadOnlyList<ConfigObject> policies, RequestAttributes request)
    {
        foreach (var policy in policies.Where(p => Action(p) == "CUSTOM"))
        {
            if (Matches(policy, request) && !(request.Headers.TryGetValue("x-ext-authz", out var v) && v == "allow"))
            {
                return new AuthorizationDecision(403, $"denied by the external authorizer of CUSTOM policy {policy.Namespace}/{policy.Name}");
            }
        }

        foreach (var policy in policies.Where(p => Action(p) == "DENY"))
        {
            if (Matches(policy, request))
            {
                return new AuthorizationDecision(403, $"RBAC: access denied (DENY policy {policy.Namespace}/{policy.Name} matched)");
            }
        }

        var allow = policies.Where(p => Action(p) == "ALLOW").ToList();
        if (allow.Count == 0)
        {
            return AuthorizationDecision.Allowed("no ALLOW policy applies");
        }

        var matched = allow.FirstOrDefault(p => Matches(p, request));
        return matched is null
            ? new AuthorizationDecision(403, $"RBAC: access denied (no rule of ALLOW policies {string.Join(", ", allow.Select(p => $"{p.Namespace}/{p.Name}"))} matched)")
            : AuthorizationDecision.Allowed($"allowed by {matched.Namespace}/{matched.Name}");
    }

    private static string Action(ConfigObject policy) => JsonFields.Str(policy.Spec["action"]) ?? "ALLOW";

    private static bool Applies(ConfigObject policy, WorkloadInfo workload)
    {
        if (policy.Spec["targetRef"] is not null || policy.Spec["targetRefs"] is JsonArray { Count: > 0 })
        {
            // targetRefs bind policies to waypoints/gateways, not to sidecar workloads.
            return false;
        }

        var selector = JsonFields.Labels(policy.Spec["selector"]?["matchLabels"]);
        var inScope = policy.Namespace == workload.Namespace || policy.Namespace == MeshSnapshot.RootNamespace;
        return inScope && workload.Matches(selector);
    }

    private static bool Matches(ConfigObject policy, RequestAttributes request)
    {
        if (policy.Spec["rules"] is not JsonArray rules)
        {
            // ALLOW with no rules matches nothing (a deny-all); DENY/CUSTOM without rules are rejected by validation.
            return false;
        }

        return rules.OfType<JsonObject>().Any(rule => RuleMatches(rule, request));
    }

    private static bool RuleMatches(JsonObject rule, RequestAttributes r)
    {
        if (rule["from"] is JsonArray from && !from.OfType<JsonObject>().Any(f => SourceMatches(f["source"] as JsonObject ?? [], r)))
        {
            return false;
        }

        if (rule["to"] is JsonArray to && !to.OfType<JsonObject>().Any(t => OperationMatches(t["operation"] as JsonObject ?? [], r)))
        {
            return false;
        }

        return (rule["when"] as JsonArray ?? []).OfType<JsonObject>().All(c => ConditionMatches(c, r));
    }

    private static bool SourceMatches(JsonObject s, RequestAttributes r)
    {
        var ns = r.SourcePrincipal is { } p && p.Split('/') is { Length: >= 5 } parts ? parts[2] : null;
        var sa = r.SourcePrincipal is { } p2 && p2.Split('/') is { Length: >= 5 } parts2 ? $"{parts2[2]}/{parts2[4]}" : null;
        return Field(s, "principals", "notPrincipals", r.SourcePrincipal)
            && Field(s, "requestPrincipals", "notRequestPrincipals", r.RequestPrincipal)
            && Field(s, "namespaces", "notNamespaces", ns)
            && Field(s, "serviceAccounts", "notServiceAccounts", sa)
            && IpField(s, "ipBlocks", "notIpBlocks", r.SourceIp)
            && Field(s, "remoteIpBlocks", "notRemoteIpBlocks", null);
    }

    private static bool OperationMatches(JsonObject o, RequestAttributes r)
    {
        var path = r.Path.Split('?')[0];
        var port = r.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Field(o, "hosts", "notHosts", r.Host, ignoreCase: true)
            && Field(o, "ports", "notPorts", port)
            && Field(o, "methods", "notMethods", r.Method)
            && Field(o, "paths", "notPaths", path);
    }

    private static bool ConditionMatches(JsonObject condition, RequestAttributes r)
    {
        var key = JsonFields.Str(condition["key"]) ?? "";
        string? value = key switch
        {
            "source.principal" => r.SourcePrincipal,
            "source.namespace" => r.SourcePrincipal?.Split('/') is { Length: >= 5 } p ? p[2] : null,
            "request.auth.principal" => r.RequestPrincipal,
            "request.auth.audiences" => r.Claims.GetValueOrDefault("aud"),
            "request.auth.presenter" => r.Claims.GetValueOrDefault("azp"),
            "destination.port" => r.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ when key.StartsWith("request.headers[", StringComparison.Ordinal) => r.Headers.GetValueOrDefault(key[16..^1]),
            _ when key.StartsWith("request.auth.claims[", StringComparison.Ordinal) => r.Claims.GetValueOrDefault(key[20..^1]),
            _ => null,
        };
        var values = JsonFields.Strings(condition["values"]).ToList();
        var notValues = JsonFields.Strings(condition["notValues"]).ToList();
        return (values.Count == 0 || (value is not null && values.Any(v => Glob(v, value, false))))
            && (notValues.Count == 0 || value is null || !notValues.Any(v => Glob(v, value, false)));
    }

    /// <summary>ipBlocks/notIpBlocks: addresses or CIDRs against the source pod's IP (unknown: no block matches it).</summary>
    private static bool IpField(JsonObject obj, string name, string notName, string? ip)
    {
        var address = ip is not null && System.Net.IPAddress.TryParse(ip, out var parsed) ? parsed : null;
        bool InBlock(string block) => address is not null && (block.Contains('/', StringComparison.Ordinal)
            ? System.Net.IPNetwork.TryParse(block, out var network) && network.Contains(address)
            : System.Net.IPAddress.TryParse(block, out var single) && single.Equals(address));
        if (obj[name] is not null && !JsonFields.Strings(obj[name]).Any(InBlock))
        {
            return false;
        }

        return obj[notName] is null || !JsonFields.Strings(obj[notName]).Any(InBlock);
    }

    /// <summary>A field pair (values, notValues): unset matches anything; an absent attribute matches no value.</summary>
    private static bool Field(JsonObject obj, string name, string notName, string? actual, bool ignoreCase = false)
    {
        var values = JsonFields.Strings(obj[name]).ToList();
        var notValues = JsonFields.Strings(obj[notName]).ToList();
        if (obj[name] is not null && (actual is null || !values.Any(v => Glob(v, actual, ignoreCase))))
        {
            return false;
        }

        return obj[notName] is null || actual is null || !notValues.Any(v => Glob(v, actual, ignoreCase));
    }

    /// <summary>Istio's string match: exact, "*", "prefix*" or "*suffix".</summary>
    internal static bool Glob(string pattern, string value, bool ignoreCase)
    {
        var cmp = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (pattern == "*")
        {
            return value.Length > 0;
        }

        if (pattern.EndsWith('*'))
        {
            return value.StartsWith(pattern[..^1], cmp);
        }

        return pattern.StartsWith('*') ? value.EndsWith(pattern[1..], cmp) : string.Equals(pattern, value, cmp);
    }
}
