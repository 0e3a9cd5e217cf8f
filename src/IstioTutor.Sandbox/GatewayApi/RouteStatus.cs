using System.Globalization;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// A route's <c>status.parents</c> as Istio writes it (conversion.go referenceAllowed and buildDestination,
/// conditions.go createRouteStatus): each parentRef is checked against every listener of its Gateway (or the
/// mesh, for a Service parent); the results of one parentRef collapse to one entry with Accepted and ResolvedRefs.
/// </summary>
internal static class RouteStatus
{
    public const string ControllerName = BuiltinGatewayClass.GatewayController;

    /// <summary>Binds the route to its parents and resolves its backends.</summary>
    public static RouteEvaluation Evaluate(JsonObject route, RouteWorld world)
    {
        var kind = (string?)route["kind"] ?? "";
        var ns = GatewayController.Namespace(route);
        var hostnames = (route["spec"]?["hostnames"] as JsonArray ?? []).Select(h => (string?)h ?? "").ToList();
        var results = new List<ParentResult>();
        foreach (var reference in (route["spec"]?["parentRefs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var group = (string?)reference["group"] ?? GatewayController.Group;
            var refKind = (string?)reference["kind"] ?? "Gateway";
            var refNs = (string?)reference["namespace"] ?? ns;
            var name = (string?)reference["name"] ?? "";
            var sectionName = (string?)reference["sectionName"] ?? "";
            var port = reference["port"] is JsonValue p && long.TryParse(p.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            if (group.Length == 0 && refKind == "Service")
            {
                var denied = world.Services.Contains($"{refNs}/{name}")
                    ? null
                    : new Denial("NoMatchingParent", $"parent service: \"{name}\" not found");
                results.Add(new ParentResult(reference, ParentListener.Mesh, denied ?? KindDenial(ParentListener.Mesh, kind)));
                continue;
            }

            if (group == "networking.istio.io" && refKind == "ServiceEntry")
            {
                var denied = world.ServiceEntries.Any(se => GatewayController.Namespace(se) == refNs && GatewayController.Name(se) == name)
                    ? null
                    : new Denial("NoMatchingParent", $"parent service entry: \"{name}\" not found");
                results.Add(new ParentResult(reference, ParentListener.Mesh, denied ?? KindDenial(ParentListener.Mesh, kind)));
                continue;
            }

            // A parent of another kind, or a Gateway Istio does not manage, is some other controller's business.
            if (group != GatewayController.Group || refKind != "Gateway" || !world.Gateways.TryGetValue($"{refNs}/{name}", out var listeners))
            {
                continue;
            }

            foreach (var listener in listeners)
            {
                results.Add(new ParentResult(reference, listener, ReferenceAllowed(listener, kind, port, sectionName, hostnames, ns)));
            }
        }

        return new RouteEvaluation(results, BackendError(route, kind, ns, world));
    }

    /// <summary>The parents array: one entry per parentRef Istio handled, keeping their earlier order, new ones appended.</summary>
    public static JsonArray ParentsJson(JsonObject route, RouteEvaluation evaluation, string now)
    {
        var generation = GatewayController.Generation(route);
        var ns = GatewayController.Namespace(route);
        var previous = (route["status"]?["parents"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var entries = new List<(string Key, JsonObject Entry)>();
        foreach (var group in evaluation.Results.GroupBy(r => RefKey(r.Reference, ns), StringComparer.Ordinal))
        {
            var results = group.ToList();
            var successes = results.Count(r => r.Denied is null);
            var report = results.Where(r => r.Denied is not null).OrderBy(r => Rank(r.Denied!)).ToList();
            Denial? denied = null;
            if (successes == 0 && report.Count > 0)
            {
                var rank = Rank(report[0].Denied!);
                denied = new Denial(report[0].Denied!.Reason, string.Join("; ", report.Where(r => Rank(r.Denied!) == rank).Select(r => r.Denied!.Message)));
            }

            var accepted = denied is null
                ? StatusCondition.True("Accepted", "Accepted", successes > 1 ? $"Route was valid, bound to {successes} parents" : "Route was valid")
                : StatusCondition.False("Accepted", denied.Reason, denied.Message);
            var resolved = evaluation.BackendError is { } error
                ? StatusCondition.False("ResolvedRefs", error.Reason, error.Message)
                : StatusCondition.True("ResolvedRefs", "ResolvedRefs", "All references resolved");
            var before = previous.FirstOrDefault(p => RefKey(p["parentRef"] as JsonObject ?? [], ns) == group.Key);
            entries.Add((group.Key, new JsonObject
            {
                ["conditions"] = StatusCondition.ToJson([accepted, resolved], before?["conditions"], generation, now),
                ["controllerName"] = ControllerName,
                ["parentRef"] = StatusParentRef(results[0].Reference),
            }));
        }

        var ordered = new List<JsonObject>();
        foreach (var old in previous)
        {
            var key = RefKey(old["parentRef"] as JsonObject ?? [], ns);
            var match = entries.FindIndex(e => e.Key == key);
            if (match >= 0)
            {
                ordered.Add(entries[match].Entry);
                entries.RemoveAt(match);
            }
        }

        // conditions.go sorts the parents it appends by their reference string, descending.
        ordered.AddRange(entries.OrderByDescending(e => e.Key, StringComparer.Ordinal).Select(e => e.Entry));
        return new JsonArray(ordered.Select(e => (JsonNode)e).ToArray());
    }

    private static Denial? ReferenceAllowed(ParentListener parent, string routeKind, long port, string sectionName, List<string> hostnames, string localNamespace)
    {
        if (port != 0 && port != parent.Port)
        {
            return new Denial("NoMatchingParent", $"port {port} not found");
        }

        if (sectionName.Length > 0 && sectionName != parent.SectionName)
        {
            return new Denial("NoMatchingParent", $"sectionName \"{sectionName}\" not found");
        }

        var routeHosts = hostnames.Count == 0 ? ["*"] : hostnames;
        var matched = false;
        var hostMatched = false;
        foreach (var routeHost in routeHosts)
        {
            foreach (var parentHost in parent.Hostnames)
            {
                var slash = parentHost.IndexOf('/', StringComparison.Ordinal);
                var (parentNamespace, parentHostname) = slash >= 0 ? (parentHost[..slash], parentHost[(slash + 1)..]) : ("*", parentHost);
                var hostnameMatch = HostName.Matches(parentHostname, routeHost);
                hostMatched |= hostnameMatch;
                if (hostnameMatch && (parentNamespace == "*" || parentNamespace == localNamespace))
                {
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                break;
            }
        }

        if (!matched)
        {
            return hostMatched
                ? new Denial("NotAllowedByListeners", $"hostnames matched parent hostname \"{parent.OriginalHostname}\", but namespace \"{localNamespace}\" is not allowed by the parent")
                : new Denial("NoMatchingListenerHostname", $"no hostnames matched parent hostname \"{parent.OriginalHostname}\"");
        }

        return KindDenial(parent, routeKind);
    }

    private static Denial? KindDenial(ParentListener parent, string routeKind) =>
        parent.AllowedKinds.Contains(routeKind)
            ? null
            : new Denial("NotAllowedByListeners", $"kind {GatewayController.Group}/{StorageVersion(routeKind)}/{routeKind} is not allowed");

    private static string StorageVersion(string routeKind) => routeKind is "TCPRoute" or "TLSRoute" ? "v1alpha2" : "v1";

    /// <summary>buildDestination over every backendRef (and mirror) of every rule: the first reference that does not resolve.</summary>
    private static Denial? BackendError(JsonObject route, string routeKind, string ns, RouteWorld world)
    {
        foreach (var rule in (route["spec"]?["rules"] as JsonArray ?? []).OfType<JsonObject>())
        {
            // A RequestMirror filter's backendRef resolves like any other (before the rule's backends, as Istio converts filters first).
            var mirrors = (rule["filters"] as JsonArray ?? []).OfType<JsonObject>().Select(f => f["requestMirror"]?["backendRef"]).OfType<JsonObject>();
            foreach (var backend in mirrors.Concat((rule["backendRefs"] as JsonArray ?? []).OfType<JsonObject>()))
            {
                if (BackendRefError(backend, routeKind, ns, world) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static Denial? BackendRefError(JsonObject backend, string routeKind, string ns, RouteWorld world)
    {
        var group = (string?)backend["group"] ?? "";
        var kind = (string?)backend["kind"] ?? "Service";
        var name = (string?)backend["name"] ?? "";
        var toNamespace = (string?)backend["namespace"];
        if (toNamespace is not null && toNamespace != ns && !world.Allowed(routeKind, ns, group, kind, toNamespace, name))
        {
            return new Denial("RefNotPermitted", $"backendRef {name}/{toNamespace} not accessible to a {routeKind} in namespace \"{ns}\" (missing a ReferenceGrant?)");
        }

        var target = toNamespace ?? ns;
        Denial? notFound;
        if (group.Length == 0 && kind == "Service")
        {
            if (name.Contains('.', StringComparison.Ordinal))
            {
                return new Denial("InvalidDestination", "service name invalid; the name of the Service must be used, not the hostname.");
            }

            var hostname = HostName.ServiceFqdn(name, target);
            notFound = world.Services.Contains($"{target}/{name}") ? null : new Denial("BackendNotFound", $"backend({hostname}) not found");
        }
        else if (group == "networking.istio.io" && kind == "Hostname")
        {
            if (toNamespace is not null)
            {
                return new Denial("InvalidDestination", "namespace may not be set with Hostname type");
            }

            notFound = world.HostnameExists(name, target) ? null : new Denial("BackendNotFound", $"backend({name}) not found");
        }
        else
        {
            return new Denial("InvalidKind", $"referencing unsupported backendRef: group \"{group}\" kind \"{kind}\"");
        }

        return backend["port"] is null ? new Denial("InvalidDestination", "port is required in backendRef") : notFound;
    }

    /// <summary>conditions.go's ranking when no listener accepted the route: lower is reported first.</summary>
    private static int Rank(Denial denial) => denial.Reason switch
    {
        "NotAllowedByListeners" => 1,
        "NoMatchingListenerHostname" => 2,
        "ParentRefConflict" => 3,
        "NoMatchingParent" => 4,
        _ => 0,
    };

    /// <summary>The parentRef as the API server stores it: the CRD's defaults (group, kind) filled in.</summary>
    private static JsonObject StatusParentRef(JsonObject reference)
    {
        var copy = new JsonObject
        {
            ["group"] = (string?)reference["group"] ?? GatewayController.Group,
            ["kind"] = (string?)reference["kind"] ?? "Gateway",
        };
        foreach (var (key, value) in reference)
        {
            if (key is not "group" and not "kind")
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private static string RefKey(JsonObject reference, string ns) =>
        $"{(string?)reference["kind"] ?? "Gateway"}/{(string?)reference["name"]}/{(string?)reference["namespace"] ?? ns}/{(string?)reference["sectionName"]}/{reference["port"]?.ToJsonString()}.{(string?)reference["group"] ?? GatewayController.Group}";
}
