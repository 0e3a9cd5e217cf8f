using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using static IstioTutor.Mesh.Model.JsonFields;

namespace IstioTutor.Mesh.Telemetry;

/// <summary>
/// Whether a pod's istio-proxy writes Envoy access log lines, per direction, as Istio decides it: the most
/// specific Telemetry with <c>accessLogging</c> wins (a workload's selector, then the namespace's, then the
/// root namespace's mesh-wide one); without any, the mesh config's <c>accessLogFile</c> (on when set).
/// An entry turns logging on for the <c>envoy</c> provider (or the default provider, named by no providers)
/// unless it says <c>disabled: true</c>; <c>match.mode</c> limits it to CLIENT or SERVER.
/// </summary>
public static class AccessLogPolicy
{
    public const string EnvoyProvider = "envoy";

    /// <param name="outbound">True for the client side (the pod's own calls), false for requests it receives.</param>
    /// <param name="meshAccessLogFile">The mesh config's accessLogFile ("" or null: off by default).</param>
    public static bool IsOn(MeshModel model, WorkloadInfo pod, bool outbound, string? meshAccessLogFile)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pod);
        var telemetries = model.OfKind("Telemetry").Where(t => t.Spec["accessLogging"] is JsonArray).ToList();
        var chosen = telemetries.FirstOrDefault(t => t.Namespace == pod.Namespace && Selector(t) is { Count: > 0 } s && pod.Matches(s))
            ?? telemetries.Where(t => t.Namespace == pod.Namespace && Selector(t) is null).OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? telemetries.Where(t => t.Namespace == MeshSnapshot.RootNamespace && Selector(t) is null).OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault();
        if (chosen is null)
        {
            return !string.IsNullOrEmpty(meshAccessLogFile);
        }

        var on = false;
        foreach (var entry in ((JsonArray)chosen.Spec["accessLogging"]!).OfType<JsonObject>())
        {
            var mode = Str(entry["match"]?["mode"]) ?? "CLIENT_AND_SERVER";
            var applies = mode == "CLIENT_AND_SERVER" || (outbound ? mode == "CLIENT" : mode == "SERVER");
            var providers = (entry["providers"] as JsonArray ?? []).OfType<JsonObject>().Select(p => Str(p["name"])).ToList();
            var envoy = providers.Count == 0 || providers.Contains(EnvoyProvider);
            if (applies && envoy)
            {
                on = entry["disabled"] is not JsonValue disabled || !disabled.TryGetValue<bool>(out var off) || !off;
            }
        }

        return on;
    }

    private static IReadOnlyDictionary<string, string>? Selector(ConfigObject telemetry) =>
        telemetry.Spec["selector"]?["matchLabels"] is JsonObject labels ? Labels(labels) : null;
}
