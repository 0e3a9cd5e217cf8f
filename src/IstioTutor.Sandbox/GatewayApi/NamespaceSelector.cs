using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>A metav1.LabelSelector (matchLabels and matchExpressions) as a listener's allowedRoutes gives it.</summary>
internal static class NamespaceSelector
{
    public static bool Matches(JsonObject? selector, JsonObject? labels)
    {
        if (selector is null)
        {
            // An empty selector selects everything.
            return true;
        }

        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if ((string?)labels?[key] != (string?)value)
            {
                return false;
            }
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = (string?)expression["key"] ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(v => (string?)v).ToHashSet();
            var present = labels?[key] is not null;
            var actual = (string?)labels?[key];
            var ok = (string?)expression["operator"] switch
            {
                "In" => present && values.Contains(actual),
                "NotIn" => !present || !values.Contains(actual),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
