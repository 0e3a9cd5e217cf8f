using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>The Gateway API Gateway's schema and CEL rules (apis/v1/gateway_types.go, v1.3): listeners, TLS, addresses.</summary>
internal static class GatewaySpecRules
{
    private const string Protocol = @"^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$";
    private const string AddressType = @"^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$";

    public static void Validate(Field spec)
    {
        if (Schema.Required(spec, "gatewayClassName"))
        {
            Schema.String(spec["gatewayClassName"], 1, 253);
        }

        if (Schema.Required(spec, "listeners"))
        {
            Listeners(spec["listeners"]);
        }

        Addresses(spec["addresses"]);
    }

    private static void Listeners(Field field)
    {
        var listeners = Schema.Items(field, 64, 1);
        foreach (var listener in listeners)
        {
            if (Schema.Required(listener, "name"))
            {
                Schema.String(listener["name"], 1, 253, Schema.DnsSubdomain);
            }

            Schema.String(listener["hostname"], 1, 253, Schema.Hostname);
            if (Schema.Required(listener, "port"))
            {
                Schema.Integer(listener["port"], 1, 65535);
            }

            if (Schema.Required(listener, "protocol"))
            {
                Schema.String(listener["protocol"], 1, 255, Protocol);
            }

            Tls(listener["tls"]);
            AllowedRoutes(listener["allowedRoutes"]);
        }

        if (listeners.Count == 0)
        {
            return;
        }

        string? ProtocolOf(Field l) => Schema.Str(l, "protocol");
        Schema.Rule(field, listeners.All(l => ProtocolOf(l) is not ("HTTP" or "TCP" or "UDP") || !Schema.Has(l, "tls")), "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']");
        Schema.Rule(field, listeners.All(l => ProtocolOf(l) != "HTTPS" || !Schema.Has(l, "tls") || (Schema.Str(l["tls"], "mode") ?? "") is "" or "Terminate"), "tls mode must be Terminate for protocol HTTPS");
        Schema.Rule(field, listeners.All(l => ProtocolOf(l) is not ("TCP" or "UDP") || (Schema.Str(l, "hostname") ?? "") == ""), "hostname must not be specified for protocols ['TCP', 'UDP']");
        Schema.Rule(field, listeners.GroupBy(l => Schema.Str(l, "name")).All(g => g.Count() == 1), "Listener name must be unique within the Gateway");
        Schema.Rule(
            field,
            listeners.GroupBy(l => $"{l["port"].Node?.ToJsonString()}/{ProtocolOf(l)}/{Schema.Str(l, "hostname") ?? "\u0000"}").All(g => g.Count() == 1),
            "Combination of port, protocol and hostname must be unique for each listener");
    }

    private static void Tls(Field tls)
    {
        if (!tls.Exists || !tls.CheckObject())
        {
            return;
        }

        var mode = tls["mode"].Exists ? tls["mode"].Enum("Terminate", "Passthrough") : "Terminate";
        var refs = Schema.Items(tls["certificateRefs"], 64);
        foreach (var reference in refs)
        {
            Schema.String(reference["group"], maxLength: 253, pattern: Schema.Group);
            Schema.String(reference["kind"], 1, 63, Schema.Kind);
            if (Schema.Required(reference, "name"))
            {
                Schema.String(reference["name"], 1, 253);
            }

            Schema.String(reference["namespace"], 1, 63, Schema.Namespace);
        }

        var options = tls["options"].Node as JsonObject;
        if (options is { Count: > 16 })
        {
            tls["options"].Error($"Too many: {options.Count}: must have at most 16 items");
        }

        Schema.Rule(tls, mode != "Terminate" || refs.Count > 0 || options is { Count: > 0 }, "certificateRefs or options must be specified when mode is Terminate");
    }

    private static void AllowedRoutes(Field allowed)
    {
        if (!allowed.Exists || !allowed.CheckObject())
        {
            return;
        }

        var namespaces = allowed["namespaces"];
        if (namespaces.Exists && namespaces.CheckObject())
        {
            namespaces["from"].Enum("All", "Selector", "Same");
            namespaces["selector"].CheckObject();
        }

        foreach (var kind in Schema.Items(allowed["kinds"], 8))
        {
            Schema.String(kind["group"], maxLength: 253, pattern: Schema.Group);
            if (Schema.Required(kind, "kind"))
            {
                Schema.String(kind["kind"], 1, 63, Schema.Kind);
            }
        }
    }

    private static void Addresses(Field field)
    {
        var addresses = Schema.Items(field, 16);
        foreach (var address in addresses)
        {
            var type = address["type"].Exists ? Schema.String(address["type"], 1, 253, AddressType) : "IPAddress";
            var value = Schema.Required(address, "value") ? Schema.String(address["value"], 1, 253) : null;
            if (type == "Hostname" && value is not null)
            {
                Schema.Rule(address, Regex.IsMatch(value, Schema.Hostname, RegexOptions.None, TimeSpan.FromSeconds(1)), $"Hostname value must only contain valid characters (matching {Schema.Hostname})");
            }
        }

        foreach (var type in new[] { "IPAddress", "Hostname" })
        {
            var values = addresses.Where(a => (Schema.Str(a, "type") ?? "IPAddress") == type).Select(a => Schema.Str(a, "value")).ToList();
            Schema.Rule(field, values.Distinct().Count() == values.Count, $"{type} values must be unique");
        }
    }
}
