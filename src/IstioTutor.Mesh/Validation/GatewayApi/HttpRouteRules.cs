using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>The HTTPRoute CRD's schema and CEL rules (apis/v1/httproute_types.go, standard channel v1.3).</summary>
internal static class HttpRouteRules
{
    private const string PathCharacters = "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$";
    private static readonly string[] FilterTypes = ["RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "RequestRedirect", "URLRewrite", "ExtensionRef"];
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

    public static void Validate(Field spec)
    {
        RouteRefs.ParentRefs(spec);
        RouteRefs.Hostnames(spec);
        var rules = spec["rules"];
        var items = Schema.Items(rules, 16);
        Schema.Rule(
            rules,
            items.Sum(r => r["matches"].Node is JsonArray m ? m.Count : 1) <= 128,
            "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128");
        foreach (var rule in items)
        {
            Rule(rule);
        }
    }

    private static void Rule(Field rule)
    {
        var matches = Schema.Items(rule["matches"], 64);
        foreach (var match in matches)
        {
            Match(match);
        }

        var filters = Filters(rule["filters"]);
        var backendRefs = Schema.Items(rule["backendRefs"], 16);
        foreach (var backend in backendRefs)
        {
            RouteRefs.BackendRef(backend, weighted: true);
            Filters(backend["filters"]);
        }

        Timeouts(rule["timeouts"]);
        Schema.Rule(
            rule,
            backendRefs.Count == 0 || !filters.Any(f => Schema.Has(f, "requestRedirect")),
            "RequestRedirect filter must not be used together with backendRefs");
        var singlePrefixMatch = matches.Count == 1 && (Schema.Str(matches[0]["path"], "type") ?? (matches[0]["path"].Exists ? "PathPrefix" : null)) == "PathPrefix";
        if (rule["matches"].Node is null)
        {
            // The CRD defaults absent matches to one PathPrefix "/" match.
            singlePrefixMatch = true;
        }

        Schema.Rule(rule, !ReplacesPrefix(filters, "requestRedirect") || singlePrefixMatch, "When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified");
        Schema.Rule(rule, !ReplacesPrefix(filters, "urlRewrite") || singlePrefixMatch, "When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified");
        Schema.Rule(rule, backendRefs.Count(b => ReplacesPrefix(FilterItems(b["filters"]), "requestRedirect")) != 1 || singlePrefixMatch, "Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified");
        Schema.Rule(rule, backendRefs.Count(b => ReplacesPrefix(FilterItems(b["filters"]), "urlRewrite")) != 1 || singlePrefixMatch, "Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified");
    }

    private static void Match(Field match)
    {
        var path = match["path"];
        if (path.Exists && path.CheckObject())
        {
            var type = path["type"].Exists ? path["type"].Enum("Exact", "PathPrefix", "RegularExpression") : "PathPrefix";
            var value = path["value"].Exists ? Schema.String(path["value"], maxLength: 1024) : "/";
            if (type is not null && value is not null && type is "Exact" or "PathPrefix")
            {
                Schema.Rule(path, value.StartsWith('/'), "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']");
                foreach (var bad in new[] { "//", "/./", "/../", "%2f", "%2F", "#" })
                {
                    Schema.Rule(path, !value.Contains(bad, StringComparison.Ordinal), $"must not contain '{bad}' when type one of ['Exact', 'PathPrefix']");
                }

                Schema.Rule(path, !value.EndsWith("/..", StringComparison.Ordinal), "must not end with '/..' when type one of ['Exact', 'PathPrefix']");
                Schema.Rule(path, !value.EndsWith("/.", StringComparison.Ordinal), "must not end with '/.' when type one of ['Exact', 'PathPrefix']");
                Schema.Rule(path, Regex.IsMatch(value, PathCharacters, RegexOptions.None, TimeSpan.FromSeconds(1)), $"must only contain valid characters (matching {PathCharacters}) for types ['Exact', 'PathPrefix']");
            }
            else if (type == "RegularExpression" && value is not null && !IsRegex(value))
            {
                // Not a CRD rule: Istio's translation rejects it (RE2 syntax), so the route would never work.
                path["value"].Warn($"\"{value}\" is not a valid regular expression; Istio will not program this match");
            }
        }

        foreach (var list in new[] { "headers", "queryParams" })
        {
            foreach (var header in Schema.Items(match[list], 16))
            {
                if (Schema.Required(header, "name"))
                {
                    Schema.String(header["name"], 1, 256, Schema.HeaderName);
                }

                if (Schema.Required(header, "value"))
                {
                    Schema.String(header["value"], 1, list == "headers" ? 4096 : 1024);
                }

                header["type"].Enum("Exact", "RegularExpression");
            }
        }

        match["method"].Enum(Methods);
    }

    private static List<Field> Filters(Field filters)
    {
        var items = Schema.Items(filters, 16).ToList();
        if (items.Count == 0)
        {
            return items;
        }

        Schema.Rule(
            filters,
            !(items.Any(f => Schema.Str(f, "type") == "RequestRedirect") && items.Any(f => Schema.Str(f, "type") == "URLRewrite")),
            "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both");
        RouteRefs.NotRepeated(filters, items, "RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite");
        foreach (var filter in items)
        {
            var type = Schema.Required(filter, "type") ? filter["type"].Enum(FilterTypes) : null;
            RouteRefs.Companions(
                filter,
                type,
                ("RequestHeaderModifier", "requestHeaderModifier"),
                ("ResponseHeaderModifier", "responseHeaderModifier"),
                ("RequestMirror", "requestMirror"),
                ("RequestRedirect", "requestRedirect"),
                ("URLRewrite", "urlRewrite"),
                ("ExtensionRef", "extensionRef"));
            RouteRefs.HeaderFilter(filter["requestHeaderModifier"]);
            RouteRefs.HeaderFilter(filter["responseHeaderModifier"]);
            RouteRefs.Mirror(filter["requestMirror"]);
            RouteRefs.ExtensionRef(filter["extensionRef"]);
            Redirect(filter["requestRedirect"]);
            Rewrite(filter["urlRewrite"]);
        }

        return items;
    }

    private static void Redirect(Field redirect)
    {
        if (!redirect.Exists || !redirect.CheckObject())
        {
            return;
        }

        redirect["scheme"].Enum("http", "https");
        Schema.String(redirect["hostname"], 1, 253, Schema.DnsSubdomain);
        PathModifier(redirect["path"]);
        Schema.Integer(redirect["port"], 1, 65535);
        if (redirect["statusCode"].Exists && redirect["statusCode"].Integer() is { } code && code is not 301 and not 302)
        {
            redirect["statusCode"].Error($"Unsupported value: {code}: supported values: \"301\", \"302\"");
        }
    }

    private static void Rewrite(Field rewrite)
    {
        if (!rewrite.Exists || !rewrite.CheckObject())
        {
            return;
        }

        Schema.String(rewrite["hostname"], 1, 253, Schema.DnsSubdomain);
        PathModifier(rewrite["path"]);
    }

    private static void PathModifier(Field path)
    {
        if (!path.Exists || !path.CheckObject())
        {
            return;
        }

        var type = Schema.Required(path, "type") ? path["type"].Enum("ReplaceFullPath", "ReplacePrefixMatch") : null;
        Schema.String(path["replaceFullPath"], maxLength: 1024);
        Schema.String(path["replacePrefixMatch"], maxLength: 1024);
        Schema.Rule(path, type != "ReplaceFullPath" || Schema.Has(path, "replaceFullPath"), "replaceFullPath must be specified when type is set to 'ReplaceFullPath'");
        Schema.Rule(path, !Schema.Has(path, "replaceFullPath") || type == "ReplaceFullPath", "type must be 'ReplaceFullPath' when replaceFullPath is set");
        Schema.Rule(path, type != "ReplacePrefixMatch" || Schema.Has(path, "replacePrefixMatch"), "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'");
        Schema.Rule(path, !Schema.Has(path, "replacePrefixMatch") || type == "ReplacePrefixMatch", "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set");
    }

    /// <summary>HTTPRouteTimeouts: Duration strings, and backendRequest no longer than request (unless request is 0s).</summary>
    private static void Timeouts(Field timeouts)
    {
        if (!timeouts.Exists || !timeouts.CheckObject())
        {
            return;
        }

        var request = Schema.String(timeouts["request"], pattern: Schema.Duration);
        var backend = Schema.String(timeouts["backendRequest"], pattern: Schema.Duration);
        if (request is not null && backend is not null && GoDuration.TryParse(request, out var r) && GoDuration.TryParse(backend, out var b))
        {
            Schema.Rule(timeouts, r == TimeSpan.Zero || b <= r, "backendRequest timeout cannot be longer than request timeout");
        }
    }

    private static bool ReplacesPrefix(IEnumerable<Field> filters, string field) =>
        filters.Count(f => Schema.Has(f, field) && Schema.Str(f[field]["path"], "type") == "ReplacePrefixMatch" && Schema.Has(f[field]["path"], "replacePrefixMatch")) == 1;

    private static IEnumerable<Field> FilterItems(Field filters) => filters.Node is JsonArray ? filters.Items().Where(f => f.IsObject) : [];

    private static bool IsRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
