using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// An AuthorizationPolicy as ztunnel enforces it (istiod's pilot/pkg/serviceregistry/ambient/authorization.go):
/// only selector or namespace-wide policies (targetRefs are for waypoints), only ALLOW and DENY, and only
/// L4 attributes. HTTP attributes — hosts, methods, paths (and their not- forms), requestPrincipals,
/// remoteIpBlocks, and conditions other than source.ip/namespace/principal and destination.ip/port —
/// cannot be seen at L4: an ALLOW rule using any of them never matches (more restrictive than written);
/// a DENY rule is enforced on what is left, and a clause left empty never matches.
/// </summary>
public static class ZtunnelAuthorization
{
    private static readonly string[] HttpOperationFields = ["hosts", "notHosts", "methods", "notMethods", "paths", "notPaths"];
    private static readonly string[] HttpSourceFields = ["remoteIpBlocks", "notRemoteIpBlocks", "requestPrincipals", "notRequestPrincipals"];
    private static readonly HashSet<string> L4Conditions = new(["source.ip", "source.namespace", "source.principal", "destination.ip", "destination.port"], StringComparer.Ordinal);

    /// <summary>The policy ztunnel enforces, or null when ztunnel ignores it (targetRefs, CUSTOM or AUDIT).</summary>
    internal static ConfigObject? Enforced(ConfigObject policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (AmbientMesh.TargetRefs(policy).Count > 0)
        {
            return null;
        }

        var action = JsonFields.Str(policy.Spec["action"]) ?? "ALLOW";
        if (action is not ("ALLOW" or "DENY"))
        {
            return null;
        }

        if (policy.Spec["rules"] is not JsonArray rules)
        {
            return policy;
        }

        var kept = new JsonArray();
        foreach (var rule in rules.OfType<JsonObject>())
        {
            if (action == "ALLOW")
            {
                if (HttpAttributes(rule).Count == 0)
                {
                    kept.Add(rule.DeepClone());
                }
            }
            else if (StripForDeny(rule) is { } stripped)
            {
                kept.Add(stripped);
            }
        }

        var spec = (JsonObject)policy.Spec.DeepClone();
        spec["rules"] = kept;
        return policy with { Spec = spec };
    }

    /// <summary>The HTTP-only attributes a rule uses (as istiod lists them in the ZtunnelAccepted condition).</summary>
    public static IReadOnlyList<string> HttpAttributes(JsonObject rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var op in (rule["to"] as JsonArray ?? []).OfType<JsonObject>().Select(t => t["operation"] as JsonObject ?? []))
        {
            found.UnionWith(HttpOperationFields.Where(f => op[f] is JsonArray { Count: > 0 }));
        }

        foreach (var source in (rule["from"] as JsonArray ?? []).OfType<JsonObject>().Select(f => f["source"] as JsonObject ?? []))
        {
            found.UnionWith(HttpSourceFields.Where(f => source[f] is JsonArray { Count: > 0 }));
        }

        found.UnionWith((rule["when"] as JsonArray ?? []).OfType<JsonObject>().Select(c => JsonFields.Str(c["key"]) ?? "").Where(k => !L4Conditions.Contains(k)));
        return found.ToList();
    }

    /// <summary>A DENY rule without its HTTP attributes; null when a clause is left with nothing to match.</summary>
    private static JsonObject? StripForDeny(JsonObject rule)
    {
        var stripped = (JsonObject)rule.DeepClone();
        if (!Strip(stripped, "to", "operation", HttpOperationFields) || !Strip(stripped, "from", "source", HttpSourceFields))
        {
            return null;
        }

        return (stripped["when"] as JsonArray ?? []).OfType<JsonObject>().All(c => L4Conditions.Contains(JsonFields.Str(c["key"]) ?? "")) ? stripped : null;
    }

    /// <summary>Removes the fields from each entry; entries left empty match nothing and go. False when the clause had entries and none is left.</summary>
    private static bool Strip(JsonObject rule, string clause, string field, string[] fields)
    {
        if (rule[clause] is not JsonArray entries || entries.Count == 0)
        {
            return true;
        }

        var left = new JsonArray();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var inner = entry[field] as JsonObject ?? [];
            foreach (var f in fields)
            {
                inner.Remove(f);
            }

            if (inner.Count > 0)
            {
                left.Add(new JsonObject { [field] = inner.DeepClone() });
            }
        }

        rule[clause] = left;
        return left.Count > 0;
    }
}
