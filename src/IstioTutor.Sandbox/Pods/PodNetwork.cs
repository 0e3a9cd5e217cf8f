using IstioTutor.Mesh.Apps;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Sandbox.Pods;

/// <summary>The network as one exec'd process sees it: each request leaves from its pod (through the sidecar when it has one) and is logged.</summary>
internal sealed class PodNetwork(TrafficSimulator simulator, MeshModel model, WorkloadInfo? source, string sourceIp, SampleApps apps, TrafficRecorder recorder, MeshAddresses addresses)
{
    public WorkloadInfo? Source => source;

    public HttpExchange Send(HttpCall call)
    {
        var exchange = simulator.Send(model, call with { Source = source?.Name }, apps);
        recorder.Record(source, sourceIp, exchange);
        return exchange;
    }

    /// <summary>The ClusterIP a client in this namespace resolves <paramref name="host"/> to, or null when DNS knows no such Service.</summary>
    public string? Resolve(string host) =>
        model.FindService(model.ResolveClientHost(host, source?.Namespace ?? model.Namespace)) is { } service ? addresses.Service(service.Fqdn) ?? "240.240.0.1" : null;
}
