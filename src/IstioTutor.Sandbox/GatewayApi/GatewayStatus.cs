using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// A Gateway's listeners and status as Istio computes them (conversion.go buildListener, gatewaycommon
/// SetProgrammedCondition, deploymentcontroller extractServicePorts), over the stored JSON.
/// </summary>
internal static partial class GatewayStatus
{
    private static readonly HashSet<string> Supported = ["HTTP", "HTTPS", "TLS", "TCP", "HBONE"];

    /// <summary>The listeners routes can bind to: those whose protocol Istio supports for the class.</summary>
    public static IReadOnlyList<ParentListener> ParentListeners(JsonObject gateway, IReadOnlyList<JsonObject> namespaces)
    {
        var result = new List<ParentListener>();
        var ns = GatewayController.Namespace(gateway);
        var waypoint = IsWaypoint(gateway);
        foreach (var listener in Listeners(gateway))
        {
            var protocol = (string?)listener["protocol"] ?? "";
            if (ProtocolError(protocol, waypoint) is not null)
            {
                continue;
            }

            var hostname = (string?)listener["hostname"] ?? "";
            var host = hostname.Length == 0 ? "*" : hostname;
            var allowed = AllowedNamespaces(listener, ns, namespaces).Select(n => $"{n}/{host}").ToList();
            result.Add(new ParentListener(
                ns,
                GatewayController.Name(gateway),
                (string?)listener["name"] ?? "",
                PortOf(listener),
                protocol,
                hostname,
                allowed.Count == 0 ? [$"~/{host}"] : allowed,
                SupportedKinds(listener)));
        }

        return result;
    }

    public static JsonObject Build(JsonObject gateway, BuiltinGatewayClass info, JsonObject? service, IReadOnlyDictionary<string, int> attached, string now)
    {
        var generation = GatewayController.Generation(gateway);
        var previous = gateway["status"] as JsonObject;
        var accepted = StatusCondition.True("Accepted", "Accepted", "Resource accepted");
        if (!info.Deploys)
        {
            var remote = new JsonObject
            {
                ["addresses"] = new JsonArray((gateway["spec"]?["addresses"] as JsonArray ?? []).Select(a => a?.DeepClone()).ToArray()),
                ["conditions"] = StatusCondition.ToJson(
                    [accepted, StatusCondition.True("Programmed", "Programmed", "This Gateway is remote; Istio will not program it")],
                    previous?["conditions"],
                    generation,
                    now),
            };
            return remote;
        }

        var listeners = Listeners(gateway).ToList();
        var listenerStatuses = new JsonArray();
        var valid = 0;
        var waypoint = IsWaypoint(gateway);
        var previousListeners = (previous?["listeners"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var listener in listeners)
        {
            var name = (string?)listener["name"] ?? "";
            var protocol = (string?)listener["protocol"] ?? "";
            var conditions = new List<StatusCondition>();
            var error = ProtocolError(protocol, waypoint);
            if (error is null && waypoint && (PortOf(listener) != 15008 || protocol != "HBONE"))
            {
                error = "Expected a single listener on port 15008 with protocol \"HBONE\"";
            }

            conditions.Add(error is null
                ? StatusCondition.True("Accepted", "Accepted", "No errors found")
                : StatusCondition.False("Accepted", "UnsupportedProtocol", error));
            var tlsError = error is null ? CertificateError(listener, GatewayController.Namespace(gateway)) : null;
            // buildListener: a protocol refusal is reported on Accepted only; a TLS one also un-programs the listener.
            conditions.Add(tlsError is null
                ? StatusCondition.True("Programmed", "Programmed", "No errors found")
                : StatusCondition.False("Programmed", "Invalid", "Bad TLS configuration"));
            conditions.Add(StatusCondition.False("Conflicted", "NoConflicts", "No errors found"));
            conditions.Add(tlsError is null
                ? StatusCondition.True("ResolvedRefs", "ResolvedRefs", "No errors found")
                : StatusCondition.False("ResolvedRefs", "InvalidCertificateRef", tlsError));
            if (error is null && tlsError is null)
            {
                valid++;
            }

            var before = previousListeners.FirstOrDefault(l => (string?)l["name"] == name);
            listenerStatuses.Add(new JsonObject
            {
                ["attachedRoutes"] = attached.GetValueOrDefault($"{GatewayController.Namespace(gateway)}/{GatewayController.Name(gateway)}/{name}"),
                ["conditions"] = StatusCondition.ToJson(conditions, before?["conditions"], generation, now),
                ["name"] = name,
                ["supportedKinds"] = new JsonArray(SupportedKinds(listener).Select(k => (JsonNode)new JsonObject { ["group"] = GatewayController.Group, ["kind"] = k }).ToArray()),
            });
        }

        if (listeners.Count > 0 && valid < listeners.Count)
        {
            accepted = valid == 0
                ? StatusCondition.False("Accepted", "ListenersNotValid", "None of the Gateway's listeners are valid")
                : StatusCondition.True("Accepted", "ListenersNotValid", "One or more of the Gateway's listeners are invalid");
        }

        var serviceName = info.GeneratedName(GatewayController.Name(gateway));
        var fqdn = HostName.ServiceFqdn(serviceName, GatewayController.Namespace(gateway));
        var internalAddresses = listeners.Select(PortOf).Distinct().Order().Select(p => $"{fqdn}:{p}").ToList();
        var address = service is null ? null
            : (string?)service["status"]?["loadBalancer"]?["ingress"]?[0]?["ip"] ?? ((string?)service["spec"]?["type"] == "LoadBalancer" ? null : (string?)service["spec"]?["clusterIP"]);
        var programmed = service is null
            ? StatusCondition.False("Programmed", "AddressNotUsable", $"Failed to assign to any requested addresses: hostname \"{fqdn}\" not found")
            : address is null
                ? StatusCondition.False("Programmed", "AddressNotAssigned", $"Assigned to service(s) {Join(internalAddresses)}, but failed to assign to all requested addresses: address pending for hostname \"{fqdn}\"")
                : StatusCondition.True("Programmed", "Programmed", internalAddresses.Count == 0 ? "Resource programmed" : $"Resource programmed, assigned to service(s) {Join(internalAddresses)}");
        var status = new JsonObject();
        if (address is not null)
        {
            status["addresses"] = new JsonArray(new JsonObject { ["type"] = "IPAddress", ["value"] = address });
        }

        status["conditions"] = StatusCondition.ToJson([accepted, programmed], previous?["conditions"], generation, now);
        status["listeners"] = listenerStatuses;
        return status;
    }

    /// <summary>status-port, then one port per distinct listener port named after the listener (extractServicePorts).</summary>
    public static (string Name, int Port)[] ServicePorts(JsonObject gateway)
    {
        var ports = new List<(string, int)> { ("status-port", 15021) };
        var used = new HashSet<string>(StringComparer.Ordinal) { "status-port" };
        var seen = new HashSet<long>();
        var index = 0;
        foreach (var listener in Listeners(gateway))
        {
            var port = PortOf(listener);
            if (!seen.Add(port))
            {
                index++;
                continue;
            }

            var name = PortName().Replace(((string?)listener["name"] ?? "").ToLowerInvariant(), "-").Trim('-');
            if (name.Length == 0)
            {
                name = $"{((string?)listener["protocol"] ?? "").ToLowerInvariant()}-{index}";
            }

            if (!used.Add(name))
            {
                name = $"{name}-{port}";
                used.Add(name);
            }

            ports.Add((name, (int)port));
            index++;
        }

        return [.. ports];
    }

    /// <summary>The appProtocol of each port of <see cref="ServicePorts"/>, in order.</summary>
    public static IEnumerable<string> AppProtocols(JsonObject gateway)
    {
        yield return "tcp";
        var seen = new HashSet<long>();
        foreach (var listener in Listeners(gateway))
        {
            if (seen.Add(PortOf(listener)))
            {
                yield return ((string?)listener["protocol"] ?? "").ToLowerInvariant();
            }
        }
    }

    private static IEnumerable<JsonObject> Listeners(JsonObject gateway) => (gateway["spec"]?["listeners"] as JsonArray ?? []).OfType<JsonObject>();

    private static bool IsWaypoint(JsonObject gateway) => (string?)gateway["spec"]?["gatewayClassName"] == "istio-waypoint";

    private static long PortOf(JsonObject listener) => listener["port"] is JsonValue v && v.TryGetValue<long>(out var l) ? l : (listener["port"] is JsonValue w && w.TryGetValue<int>(out var i) ? i : long.TryParse(listener["port"]?.ToJsonString(), out var p) ? p : 0);

    /// <summary>listenerProtocolToIstio's refusal, or null when Istio supports the protocol here.</summary>
    private static string? ProtocolError(string protocol, bool waypoint)
    {
        if (protocol == "HBONE")
        {
            return waypoint ? null : "protocol \"HBONE\" is only supported for waypoint proxies";
        }

        if (Supported.Contains(protocol))
        {
            return null;
        }

        var upper = protocol.ToUpperInvariant();
        return Supported.Contains(upper)
            ? $"protocol \"{protocol}\" is unsupported. hint: \"{upper}\" (uppercase) may be supported"
            : $"protocol \"{protocol}\" is unsupported";
    }

    /// <summary>
    /// The sandbox serves no Secrets, so a Terminate listener's Secret certificateRef never resolves: said as
    /// Istio says it for a missing Secret rather than pretending the certificate is there.
    /// </summary>
    private static string? CertificateError(JsonObject listener, string gatewayNamespace)
    {
        var tls = listener["tls"] as JsonObject;
        if (tls is null || ((string?)tls["mode"] ?? "Terminate") != "Terminate")
        {
            return null;
        }

        var reference = (tls["certificateRefs"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault();
        if (reference is null)
        {
            return null;
        }

        var ns = (string?)reference["namespace"] ?? gatewayNamespace;
        var name = (string?)reference["name"] ?? "";
        var kind = (string?)reference["kind"] ?? "Secret";
        var group = (string?)reference["group"] ?? "";
        // secretObjectReferenceString: group/kind/name.namespace, the namespace as written (often empty).
        var text = $"{group}/{kind}/{name}.{(string?)reference["namespace"]}";
        return kind == "Secret" && group.Length == 0
            ? $"invalid certificate reference {text}, secret {ns}/{name} not found"
            : $"invalid certificate reference {text}, only secret is allowed";
    }

    private static IReadOnlyList<string> SupportedKinds(JsonObject listener)
    {
        var protocol = (string?)listener["protocol"];
        List<string> supported = protocol switch
        {
            "HTTP" or "HTTPS" => ["HTTPRoute", "GRPCRoute"],
            "TCP" => ["TCPRoute"],
            "TLS" when (string?)listener["tls"]?["mode"] == "Terminate" => ["TLSRoute", "TCPRoute"],
            "TLS" => ["TLSRoute"],
            _ => [],
        };
        var kinds = (listener["allowedRoutes"]?["kinds"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(k => ((string?)k["group"] ?? GatewayController.Group) == GatewayController.Group)
            .Select(k => (string?)k["kind"])
            .ToList();
        return kinds.Count == 0 ? supported : supported.Where(kinds.Contains).ToList();
    }

    /// <summary>namespacesFromSelector: Same (the default), All, or the namespaces whose labels match the selector.</summary>
    private static IEnumerable<string> AllowedNamespaces(JsonObject listener, string gatewayNamespace, IReadOnlyList<JsonObject> namespaces)
    {
        var from = listener["allowedRoutes"]?["namespaces"] as JsonObject;
        switch ((string?)from?["from"] ?? "Same")
        {
            case "All":
                return ["*"];
            case "Selector":
                var selector = from!["selector"] as JsonObject;
                return namespaces.Where(n => NamespaceSelector.Matches(selector, n["metadata"]?["labels"] as JsonObject)).Select(GatewayController.Name).ToList();
            case "None":
                return [];
            default:
                return [gatewayNamespace];
        }
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + ", and " + items[^1],
    };

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex PortName();
}
