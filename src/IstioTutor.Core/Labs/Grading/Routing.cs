using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Routing;

namespace IstioTutor.Core.Labs.Grading;

/// <summary>Small readers of VirtualService and DestinationRule shapes that several checkers share.</summary>
public static class Routing
{
    /// <summary>True when an HTTP rule has no match or a URI match that accepts <paramref name="path"/>.</summary>
    public static bool MatchesPath(JsonObject rule, string path)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule["match"] is not JsonArray { Count: > 0 } matches)
        {
            return true;
        }

        return matches.OfType<JsonObject>().Any(m => StringMatch.FromJson(m["uri"]) is not { } uri || uri.Matches(path));
    }

    /// <summary>The VirtualServices of the namespace whose hosts name the short service name.</summary>
    public static IReadOnlyList<JsonObject> VirtualServicesFor(LabContext context, string service)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Config("VirtualService").Where(v => (v["spec"]?["hosts"] as JsonArray ?? []).Any(h => (JsonFields.Str(h) ?? "").Split('.')[0] == service)).ToList();
    }

    /// <summary>The DestinationRules of the namespace for the short service name.</summary>
    public static IReadOnlyList<JsonObject> DestinationRulesFor(LabContext context, string service)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Config("DestinationRule").Where(d => (JsonFields.Str(d["spec"]?["host"]) ?? "").Split('.')[0] == service).ToList();
    }

    public static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;
}
