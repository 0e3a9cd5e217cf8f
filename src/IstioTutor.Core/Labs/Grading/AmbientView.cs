using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Labs.Grading;

/// <summary>
/// The learner's namespace as ambient mode runs it. In a namespace labelled istio.io/dataplane-mode=ambient
/// without sidecar injection, a restarted pod comes back without its istio-proxy and ztunnel carries its
/// traffic; pods started before the relabelling keep their sidecars until restarted. The sandbox's seeded
/// Bookinfo pods cannot be restarted by every door (chat has no kubectl), so ambient labs grade those pods
/// as restarted — and say so in the lab's limits.
/// </summary>
public sealed record AmbientView(MeshSnapshot Snapshot, bool NamespaceIsAmbient, bool InjectionStillOn, IReadOnlyList<string> Restarted)
{
    public static AmbientView Of(MeshSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var labels = JsonFields.Labels(snapshot.Namespaces.FirstOrDefault(n => JsonFields.Name(n) == snapshot.Namespace)?["metadata"]?["labels"]);
        var ambient = labels.TryGetValue(AmbientMesh.DataplaneModeLabel, out var mode) && mode == "ambient";
        var injection = labels.TryGetValue("istio-injection", out var inject) && inject == "enabled";
        if (!ambient || injection)
        {
            return new AmbientView(snapshot, ambient, injection, []);
        }

        var restarted = new List<string>();
        var pods = snapshot.Pods.Select(pod =>
        {
            var containers = pod["spec"]?["containers"] as JsonArray ?? [];
            if (!containers.Any(c => JsonFields.Str(c?["name"]) == "istio-proxy") || JsonFields.Labels(pod["metadata"]?["labels"]).ContainsKey(AmbientMesh.GatewayNameLabel))
            {
                return pod;
            }

            var copy = (JsonObject)pod.DeepClone();
            var kept = new JsonArray([.. ((JsonArray)copy["spec"]!["containers"]!).Where(c => JsonFields.Str(c?["name"]) != "istio-proxy").Select(c => c?.DeepClone())]);
            copy["spec"]!["containers"] = kept;
            copy["spec"]!.AsObject().Remove("initContainers");
            restarted.Add(JsonFields.Name(pod) ?? "");
            return copy;
        }).ToList();
        return new AmbientView(snapshot with { Pods = pods }, true, false, restarted);
    }
}
