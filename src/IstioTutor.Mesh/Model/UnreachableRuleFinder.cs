using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Model;

/// <summary>
/// Istio's analyzeUnreachableHTTPRules: rules after a catch-all, catch-alls that are not last, and
/// matches repeated from earlier rules. Shared by the webhook (warnings) and analyze (IST0130/IST0131).
/// </summary>
public static class UnreachableRuleFinder
{
    public sealed record Finding(string Rule, string? Match, string? DuplicateOf, string Reason)
    {
        /// <summary>True for IST0130 (the whole rule is unused), false for IST0131 (one match is).</summary>
        public bool WholeRule => Match is null;

        public string WebhookMessage => WholeRule
            ? $"virtualService rule {Rule} not used ({Reason})"
            : $"virtualService rule {Rule} match {Match} is not used (duplicate/overlapping match in rule {DuplicateOf})";
    }

    public static IReadOnlyList<Finding> Find(JsonArray? routes)
    {
        var findings = new List<Finding>();
        if (routes is null)
        {
            return findings;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var emptyMatchAt = -1;
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is not JsonObject route)
            {
                continue;
            }

            var name = RouteName(route, i);
            var matches = route["match"] as JsonArray;
            if (matches is null || matches.Count == 0)
            {
                if (emptyMatchAt >= 0)
                {
                    findings.Add(new Finding(name, null, null, "only the last rule can have no matches"));
                }

                emptyMatchAt = i;
                continue;
            }

            var duplicates = 0;
            for (var m = 0; m < matches.Count; m++)
            {
                if (emptyMatchAt >= 0)
                {
                    findings.Add(new Finding(name, null, null, "route without matches defined before"));
                    continue;
                }

                var key = Canonical(matches[m]);
                if (seen.TryGetValue(key, out var dup))
                {
                    findings.Add(new Finding(name, MatchName(matches[m], m), RouteName(routes[dup] as JsonObject, dup), "duplicate match"));
                    duplicates++;
                    continue;
                }

                seen[key] = i;
            }

            if (duplicates == matches.Count)
            {
                findings.Add(new Finding(name, null, null, "all matches used by prior rules"));
            }
        }

        // Findings for a rule after a catch-all are reported once per rule, as istioctl prints them.
        return findings.DistinctBy(f => (f.Rule, f.Match, f.Reason)).ToList();
    }

    private static string RouteName(JsonObject? route, int index) =>
        route?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? $"\"{route["name"]!.GetValue<string>()}\"" : $"#{index}";

    private static string MatchName(JsonNode? match, int index) =>
        match?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? $"\"{match["name"]!.GetValue<string>()}\"" : $"#{index}";

    /// <summary>A key-order-independent form of a match, so reordered but equal matches compare equal.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Where(p => p.Key != "name").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
