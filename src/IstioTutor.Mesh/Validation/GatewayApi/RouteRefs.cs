using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>Schema parts every route kind shares (apis/v1/shared_types.go): parentRefs, hostnames, backendRefs, header filters.</summary>
internal static class RouteRefs
{
    public static void ParentRefs(Field spec)
    {
        var refs = spec["parentRefs"];
        var items = Schema.Items(refs, 32);
        foreach (var parent in items)
        {
            Schema.String(parent["group"], maxLength: 253, pattern: Schema.Group);
            Schema.String(parent["kind"], 1, 63, Schema.Kind);
            if (Schema.Required(parent, "name"))
            {
                Schema.String(parent["name"], 1, 253);
            }

            Schema.String(parent["namespace"], 1, 63, Schema.Namespace);
            Schema.String(parent["sectionName"], 1, 253, Schema.DnsSubdomain);
            Schema.Integer(parent["port"], 1, 65535);
        }

        if (items.Count < 2)
        {
            return;
        }

        var keys = items.Select(p => (
            Parent: $"{Schema.Str(p, "group") ?? "gateway.networking.k8s.io"}/{Schema.Str(p, "kind") ?? "Gateway"}/{Schema.Str(p, "name")}/{Schema.Str(p, "namespace") ?? ""}",
            Section: Schema.Str(p, "sectionName") ?? "")).ToList();
        var mixed = keys.GroupBy(k => k.Parent).Any(g => g.Count() > 1 && g.Select(k => k.Section.Length == 0).Distinct().Count() > 1);
        Schema.Rule(refs, !mixed, "sectionName must be specified when parentRefs includes 2 or more references to the same parent");
        var repeated = keys.GroupBy(k => k).Any(g => g.Count() > 1);
        Schema.Rule(refs, !repeated, "sectionName must be unique when parentRefs includes 2 or more references to the same parent");
    }

    public static void Hostnames(Field spec)
    {
        foreach (var hostname in spec["hostnames"].Node is null ? [] : Strings(spec["hostnames"], 16))
        {
            Schema.String(hostname, 1, 253, Schema.Hostname);
        }
    }

    /// <summary>A BackendObjectReference with the BackendRef weight and the CEL rule that a Service needs a port.</summary>
    public static void BackendRef(Field backend, bool weighted)
    {
        Schema.String(backend["group"], maxLength: 253, pattern: Schema.Group);
        Schema.String(backend["kind"], 1, 63, Schema.Kind);
        if (Schema.Required(backend, "name"))
        {
            Schema.String(backend["name"], 1, 253);
        }

        Schema.String(backend["namespace"], 1, 63, Schema.Namespace);
        Schema.Integer(backend["port"], 1, 65535);
        if (weighted)
        {
            Schema.Integer(backend["weight"], 0, 1000000);
        }

        var isService = (Schema.Str(backend, "group") ?? "").Length == 0 && (Schema.Str(backend, "kind") ?? "Service") == "Service";
        Schema.Rule(backend, !isService || Schema.Has(backend, "port"), "Must have port for Service reference");
    }

    /// <summary>HTTPHeaderFilter: set/add (name, value required) and remove, each at most 16.</summary>
    public static void HeaderFilter(Field filter)
    {
        foreach (var list in new[] { "set", "add" })
        {
            foreach (var header in Schema.Items(filter[list], 16))
            {
                if (Schema.Required(header, "name"))
                {
                    Schema.String(header["name"], 1, 256, Schema.HeaderName);
                }

                if (Schema.Required(header, "value"))
                {
                    Schema.String(header["value"], 1, 4096);
                }
            }
        }

        foreach (var name in filter["remove"].Node is null ? [] : Strings(filter["remove"], 16))
        {
            Schema.String(name, 1, 256, Schema.HeaderName);
        }
    }

    /// <summary>The shared filter-list rules: each companion-typed filter at most once.</summary>
    public static void NotRepeated(Field filters, IReadOnlyList<Field> items, params string[] types)
    {
        foreach (var type in types)
        {
            Schema.Rule(filters, items.Count(f => Schema.Str(f, "type") == type) <= 1, $"{type} filter cannot be repeated");
        }
    }

    /// <summary>"filter.X must be nil if the filter.type is not T" and "filter.X must be specified for T filter.type".</summary>
    public static void Companions(Field filter, string? type, params (string Type, string Field)[] companions)
    {
        foreach (var (companionType, field) in companions)
        {
            Schema.Rule(filter, !(Schema.Has(filter, field) && type != companionType), $"filter.{field} must be nil if the filter.type is not {companionType}");
            Schema.Rule(filter, !(!Schema.Has(filter, field) && type == companionType), $"filter.{field} must be specified for {companionType} filter.type");
        }
    }

    public static void Mirror(Field mirror)
    {
        if (!mirror.Exists || !mirror.CheckObject())
        {
            return;
        }

        if (Schema.Required(mirror, "backendRef") && mirror["backendRef"].CheckObject())
        {
            BackendRef(mirror["backendRef"], weighted: false);
        }

        Schema.Integer(mirror["percent"], 0, 100);
        var fraction = mirror["fraction"];
        if (fraction.Exists && fraction.CheckObject())
        {
            var numerator = Schema.Required(fraction, "numerator") ? Schema.Integer(fraction["numerator"], 0, int.MaxValue) : null;
            var denominator = fraction["denominator"].Exists ? Schema.Integer(fraction["denominator"], 1, int.MaxValue) : 100;
            Schema.Rule(fraction, numerator is null || denominator is null || numerator <= denominator, "numerator must be less than or equal to denominator");
        }

        Schema.Rule(mirror, !(Schema.Has(mirror, "percent") && Schema.Has(mirror, "fraction")), "Only one of percent or fraction may be specified in HTTPRequestMirrorFilter");
    }

    public static void ExtensionRef(Field reference)
    {
        if (!reference.Exists || !reference.CheckObject())
        {
            return;
        }

        if (Schema.Required(reference, "group"))
        {
            Schema.String(reference["group"], maxLength: 253, pattern: Schema.Group);
        }

        if (Schema.Required(reference, "kind"))
        {
            Schema.String(reference["kind"], 1, 63, Schema.Kind);
        }

        if (Schema.Required(reference, "name"))
        {
            Schema.String(reference["name"], 1, 253);
        }
    }

    private static IEnumerable<Field> Strings(Field list, int maxItems)
    {
        if (list.Node is JsonArray array && array.Count > maxItems)
        {
            list.Error($"Too many: {array.Count}: must have at most {maxItems} items");
            return [];
        }

        return list.Items().Where(i => i.String() is not null).ToList();
    }
}
