using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.GatewayApi;

/// <summary>
/// One metav1.Condition as Istio's controller sets it. Its lastTransitionTime moves only when the status
/// changes (kstatus.UpdateConditionIfChanged), so rewriting an unchanged status writes nothing.
/// </summary>
internal sealed record StatusCondition(string Type, bool Status, string Reason, string Message)
{
    public static StatusCondition True(string type, string reason, string message) => new(type, true, reason, message);

    public static StatusCondition False(string type, string reason, string message) => new(type, false, reason, message);

    /// <summary>The conditions as JSON, keeping each one's transition time from <paramref name="previous"/> while its status is unchanged.</summary>
    public static JsonArray ToJson(IEnumerable<StatusCondition> conditions, JsonNode? previous, long generation, string now)
    {
        var old = (previous as JsonArray ?? []).OfType<JsonObject>().ToDictionary(c => (string?)c["type"] ?? "", StringComparer.Ordinal);
        return new JsonArray(conditions.Select(c =>
        {
            var status = c.Status ? "True" : "False";
            var since = old.TryGetValue(c.Type, out var before) && (string?)before["status"] == status ? (string?)before["lastTransitionTime"] ?? now : now;
            return (JsonNode)new JsonObject
            {
                ["lastTransitionTime"] = since,
                ["message"] = c.Message,
                ["observedGeneration"] = generation,
                ["reason"] = c.Reason,
                ["status"] = status,
                ["type"] = c.Type,
            };
        }).ToArray());
    }
}
