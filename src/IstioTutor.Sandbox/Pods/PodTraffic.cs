using System.Text.RegularExpressions;
using IstioTutor.Mesh.Apps;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;
using IstioTutor.Sandbox.Api;
using static IstioTutor.Mesh.Model.JsonFields;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// Simulated requests from a pod, as a shell in it makes them: the namespace's configuration read once per
/// exec, each request through <see cref="TrafficSimulator.Send"/> with the sample apps, and the log lines
/// they leave behind. The same simulator the chat's /simulate and the lab checks use.
/// </summary>
internal sealed partial class PodTraffic(ResourceApi api, PodLogBook logs, TimeProvider time)
{
    private readonly TrafficSimulator _simulator = new();

    public PodLogBook Logs => logs;

    public TimeProvider Time => time;

    /// <summary>A network view from <paramref name="pod"/>'s <paramref name="container"/>; istio-proxy's own traffic bypasses the sidecar (it runs as the proxy's user).</summary>
    public PodNetwork From(PodFacts pod, string container)
    {
        var snapshot = api.Snapshot(pod.Namespace);
        var model = MeshModel.From(snapshot);
        var addresses = new MeshAddresses(snapshot);
        var started = snapshot.Pods.Concat(snapshot.RootNamespacePods).Select(PodFacts.From).ToDictionary(p => $"{p.Namespace}/{p.Name}", p => p.Started, StringComparer.Ordinal);
        var recorder = new TrafficRecorder(logs, time, model, addresses, MeshAccessLogFile(), started);
        var source = container == PodFacts.ProxyContainer ? null : model.Workloads.FirstOrDefault(w => w.Name == pod.Name && w.Namespace == pod.Namespace);
        return new PodNetwork(_simulator, model, source, pod.Ip, new SampleApps(time, recorder), recorder, addresses);
    }

    /// <summary>meshConfig.accessLogFile from the istio ConfigMap in istio-system, when the sandbox holds one.</summary>
    private string? MeshAccessLogFile()
    {
        var mesh = Str(api.FindCore("configmaps", MeshSnapshot.RootNamespace, "istio")?["data"]?["mesh"]);
        return mesh is not null && AccessLogFileLine().Match(mesh) is { Success: true } match ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\s*accessLogFile:\s*[""']?([^""'\s]*)", RegexOptions.Multiline)]
    private static partial Regex AccessLogFileLine();
}
