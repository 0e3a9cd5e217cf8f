using System.Globalization;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using static IstioTutor.Mesh.Model.JsonFields;

namespace IstioTutor.Sandbox.Pods;

/// <summary>What exec and logs need to know of a pod object: its containers, address, start and the workload the simulator sees.</summary>
internal sealed record PodFacts(WorkloadInfo Workload, IReadOnlyList<string> Containers, IReadOnlyList<string> InitContainers, string Ip, DateTimeOffset Started, string? Image)
{
    public const string ProxyContainer = "istio-proxy";

    public string Name => Workload.Name;

    public string Namespace => Workload.Namespace;

    public static PodFacts From(JsonObject pod)
    {
        var spec = pod["spec"];
        var containers = (spec?["containers"] as JsonArray ?? []).Select(c => Str(c?["name"]) ?? "").Where(n => n.Length > 0).ToList();
        var init = (spec?["initContainers"] as JsonArray ?? []).Select(c => Str(c?["name"]) ?? "").Where(n => n.Length > 0).ToList();
        var workload = new WorkloadInfo(
            Str(pod["metadata"]?["name"]) ?? "",
            Str(pod["metadata"]?["namespace"]) ?? "",
            Labels(pod["metadata"]?["labels"]),
            containers.Contains(ProxyContainer) || init.Contains(ProxyContainer),
            Str(spec?["serviceAccountName"]) ?? "default");
        var started = DateTimeOffset.TryParse(Str(pod["metadata"]?["creationTimestamp"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.UnixEpoch;
        var image = (spec?["containers"] as JsonArray ?? []).Select(c => Str(c?["image"])).FirstOrDefault();
        return new PodFacts(workload, containers, init, Str(pod["status"]?["podIP"]) ?? "10.244.0.1", started, image);
    }

    /// <summary>The container logs and exec reach when none is named: Kubernetes' default-container annotation, else the first.</summary>
    public string? DefaultContainer(JsonObject pod) =>
        Str(pod["metadata"]?["annotations"]?["kubectl.kubernetes.io/default-container"]) is { } named && Containers.Contains(named) ? named : Containers.Count == 1 ? Containers[0] : null;

    public bool HasContainer(string name) => Containers.Contains(name) || InitContainers.Contains(name);
}
