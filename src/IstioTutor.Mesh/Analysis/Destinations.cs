using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>Every destination a VirtualService names (http/tcp/tls routes and mirrors).</summary>
internal static class Destinations
{
    public static IEnumerable<JsonObject> Of(JsonObject spec)
    {
        foreach (var section in new[] { "http", "tcp", "tls" })
        {
            foreach (var route in (spec[section] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var destination in (route["route"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (destination["destination"] is JsonObject d)
                    {
                        yield return d;
                    }
                }

                if (route["mirror"] is JsonObject mirror)
                {
                    yield return mirror;
                }

                foreach (var mirror2 in (route["mirrors"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (mirror2["destination"] is JsonObject d)
                    {
                        yield return d;
                    }
                }
            }
        }
    }

    /// <summary>DestinationRules visible from <paramref name="ns"/> for a resolved host: the namespace's own, then the root namespace's, then the host's namespace.</summary>
    public static IEnumerable<ConfigObject> RulesFor(MeshModel model, string fqdn, string ns) =>
        model.OfKind("DestinationRule")
            .Where(dr => JsonFields.Str(dr.Spec["host"]) is { } host && HostName.SubsetOf(fqdn, HostName.Resolve(host, dr.Namespace)))
            .OrderBy(dr => dr.Namespace == ns ? 0 : dr.Namespace == MeshSnapshot.RootNamespace ? 1 : 2);
}
