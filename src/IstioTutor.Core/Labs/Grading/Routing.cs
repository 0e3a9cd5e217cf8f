using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IstioTutor.Core.Guard.Preview;

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

        return matches.OfType<JsonObject>().Any(m => m["uri"] is not JsonObject uri
            || (ObjectShapes.Text(uri["exact"]) is { } exact && exact == path)
            || (ObjectShapes.Text(uri["prefix"]) is { } prefix && path.StartsWith(prefix, StringComparison.Ordinal))
            || (ObjectShapes.Text(uri["regex"]) is { } regex && SafeRegex(regex, path)));
    }

    /// <summary>The VirtualServices of the namespace whose hosts name the short service name.</summary>
    public static IReadOnlyList<JsonObject> VirtualServicesFor(LabContext context, string service)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Config("VirtualService").Where(v => (v["spec"]?["hosts"] as JsonArray ?? []).Any(h => (ObjectShapes.Text(h) ?? "").Split('.')[0] == service)).ToList();
    }

    /// <summary>The DestinationRules of the namespace for the short service name.</summary>
    public static IReadOnlyList<JsonObject> DestinationRulesFor(LabContext context, string service)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Config("DestinationRule").Where(d => (ObjectShapes.Text(d["spec"]?["host"]) ?? "").Split('.')[0] == service).ToList();
    }

    /// <summary>A number from JSON however it was stored (the manifest parser's long, the server's element, or a string).</summary>
    public static int? Int(JsonNode? node) =>
        node is JsonValue && int.TryParse(node.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;

    public static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;

    private static bool SafeRegex(string pattern, string input)
    {
        try
        {
            return Regex.IsMatch(input, "^(?:" + pattern + ")$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
