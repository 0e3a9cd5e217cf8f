using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>What a matched route does to each request besides choosing its destination: faults, retries, the route timeout and mirroring.</summary>
internal sealed record RequestPolicy(FaultPolicy Fault, RetryPolicy Retries, double TimeoutMs, IReadOnlyList<MirrorTarget> Mirrors)
{
    /// <summary>Reads the policy of a VirtualService HTTP rule (null: no rule matched, Istio's defaults apply).</summary>
    public static RequestPolicy From(JsonObject? rule, string ns) => new(
        FaultPolicy.From(rule?["fault"] as JsonObject),
        RetryPolicy.From(rule?["retries"] as JsonObject),
        GoDuration.ParseOrNull(JsonFields.Str(rule?["timeout"]))?.TotalMilliseconds ?? 0,
        MirrorsOf(rule, ns));

    /// <summary>An Istio <c>Percent</c> object's value.</summary>
    internal static double? PercentOf(JsonNode? percentage) =>
        percentage?["value"] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static List<MirrorTarget> MirrorsOf(JsonObject? rule, string ns)
    {
        var list = new List<MirrorTarget>();
        if (rule?["mirror"] is JsonObject mirror && JsonFields.Str(mirror["host"]) is { } host)
        {
            list.Add(new MirrorTarget(HostName.Resolve(host, ns), PercentOf(rule["mirrorPercentage"]) ?? JsonFields.Int(rule["mirrorPercent"]) ?? 100));
        }

        foreach (var m in (rule?["mirrors"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (JsonFields.Str(m["destination"]?["host"]) is { } h)
            {
                list.Add(new MirrorTarget(HostName.Resolve(h, ns), PercentOf(m["percentage"]) ?? 100));
            }
        }

        return list;
    }
}
