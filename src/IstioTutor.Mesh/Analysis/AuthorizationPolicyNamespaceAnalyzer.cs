using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>authz/authorizationpolicies.go: source namespaces a rule names must exist (IST0101 namespace).</summary>
internal sealed class AuthorizationPolicyNamespaceAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        var known = model.Snapshot.Namespaces.Select(n => JsonFields.Str(n["metadata"]?["name"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (known.Count == 0)
        {
            yield break;
        }

        foreach (var policy in model.LocalOfKind("AuthorizationPolicy"))
        {
            var namespaces = (policy.Spec["rules"] as JsonArray ?? []).OfType<JsonObject>()
                .SelectMany(r => (r["from"] as JsonArray ?? []).OfType<JsonObject>())
                .SelectMany(f => JsonFields.Strings(f["source"]?["namespaces"]))
                .Where(ns => !ns.Contains('*', StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal);
            foreach (var ns in namespaces.Where(ns => !known.Contains(ns)))
            {
                yield return Messages.ReferencedResourceNotFound(policy.Reference, "namespace", ns);
            }
        }
    }
}
