using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>The GRPCRoute CRD's schema and CEL rules (apis/v1/grpcroute_types.go, v1.3).</summary>
internal static class GrpcRouteRules
{
    private static readonly string[] FilterTypes = ["ResponseHeaderModifier", "RequestHeaderModifier", "RequestMirror", "ExtensionRef"];

    public static void Validate(Field spec)
    {
        RouteRefs.ParentRefs(spec);
        RouteRefs.Hostnames(spec);
        var rules = spec["rules"];
        var items = Schema.Items(rules, 16);
        Schema.Rule(
            rules,
            items.Sum(r => r["matches"].Node is JsonArray m ? m.Count : 0) <= 128,
            "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128");
        foreach (var rule in items)
        {
            foreach (var match in Schema.Items(rule["matches"], 64))
            {
                Method(match["method"]);
                foreach (var header in Schema.Items(match["headers"], 16))
                {
                    if (Schema.Required(header, "name"))
                    {
                        Schema.String(header["name"], 1, 256, Schema.HeaderName);
                    }

                    if (Schema.Required(header, "value"))
                    {
                        Schema.String(header["value"], 1, 4096);
                    }

                    header["type"].Enum("Exact", "RegularExpression");
                }
            }

            Filters(rule["filters"]);
            foreach (var backend in Schema.Items(rule["backendRefs"], 16))
            {
                RouteRefs.BackendRef(backend, weighted: true);
                Filters(backend["filters"]);
            }
        }
    }

    private static void Method(Field method)
    {
        if (!method.Exists || !method.CheckObject())
        {
            return;
        }

        var type = method["type"].Exists ? method["type"].Enum("Exact", "RegularExpression") : "Exact";
        var service = Schema.String(method["service"], maxLength: 1024);
        var name = Schema.String(method["method"], maxLength: 1024);
        Schema.Rule(method, !Schema.Has(method, "type") || Schema.Has(method, "service") || Schema.Has(method, "method"), "One or both of 'service' or 'method' must be specified");
        if (type == "Exact" && service is not null)
        {
            Schema.Rule(method, System.Text.RegularExpressions.Regex.IsMatch(service, @"^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$"), @"service must only contain valid characters (matching ^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$)");
        }

        if (type == "Exact" && name is not null)
        {
            Schema.Rule(method, System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z_0-9]*$"), "method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)");
        }
    }

    private static void Filters(Field filters)
    {
        var items = Schema.Items(filters, 16);
        RouteRefs.NotRepeated(filters, items, "RequestHeaderModifier", "ResponseHeaderModifier");
        foreach (var filter in items)
        {
            var type = Schema.Required(filter, "type") ? filter["type"].Enum(FilterTypes) : null;
            RouteRefs.Companions(
                filter,
                type,
                ("RequestHeaderModifier", "requestHeaderModifier"),
                ("ResponseHeaderModifier", "responseHeaderModifier"),
                ("RequestMirror", "requestMirror"),
                ("ExtensionRef", "extensionRef"));
            RouteRefs.HeaderFilter(filter["requestHeaderModifier"]);
            RouteRefs.HeaderFilter(filter["responseHeaderModifier"]);
            RouteRefs.Mirror(filter["requestMirror"]);
            RouteRefs.ExtensionRef(filter["extensionRef"]);
        }
    }
}
