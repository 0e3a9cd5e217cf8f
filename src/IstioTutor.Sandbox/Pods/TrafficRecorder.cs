using IstioTutor.Mesh.Apps;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;
using IstioTutor.Mesh.Telemetry;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// Writes what one exec's simulated traffic leaves in pod logs: the apps' own lines in their containers, and
/// for each request an outbound line in the client's istio-proxy and an inbound line in the server's, while
/// access logging is on for that side (Telemetry API or the mesh config's accessLogFile).
/// </summary>
internal sealed class TrafficRecorder(PodLogBook logs, TimeProvider time, MeshModel model, MeshAddresses addresses, string? meshAccessLogFile, IReadOnlyDictionary<string, DateTimeOffset> started) : IAppActivity
{
    public void Logged(WorkloadInfo pod, string container, string line) =>
        LogOf(pod, container).Append(new LogLine(time.GetUtcNow(), line));

    public void Called(WorkloadInfo from, HttpExchange exchange) => Record(from, addresses.Pod(from), exchange);

    /// <summary>Logs one finished request from <paramref name="clientIp"/>; <paramref name="from"/> is null for a client whose traffic bypasses any sidecar.</summary>
    public void Record(WorkloadInfo? from, string clientIp, HttpExchange exchange)
    {
        var at = time.GetUtcNow() - TimeSpan.FromMilliseconds(exchange.DurationMs);
        if (from is { HasSidecar: true } && exchange.Outcome != ExchangeOutcome.UnknownHost && AccessLogPolicy.IsOn(model, from, outbound: true, meshAccessLogFile))
        {
            LogOf(from, PodFacts.ProxyContainer).Append(new LogLine(at, EnvoyAccessLog.Outbound(exchange, at, clientIp, addresses)));
        }

        if (exchange.Upstream is { HasSidecar: true } server && exchange.Status > 0 && AccessLogPolicy.IsOn(model, server, outbound: false, meshAccessLogFile))
        {
            LogOf(server, PodFacts.ProxyContainer).Append(new LogLine(at, EnvoyAccessLog.Inbound(exchange, at, clientIp, addresses)));
        }
    }

    private ContainerLog LogOf(WorkloadInfo pod, string container) =>
        logs.For(pod.Namespace, pod.Name, container, () => PodStartup.Lines(pod, container, started.GetValueOrDefault($"{pod.Namespace}/{pod.Name}", time.GetUtcNow())));
}
