using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// What the application inside a pod answers (the proxies around it are the simulator's job). A single
/// simulated request (<see cref="TrafficSimulator.Send"/>) asks it for the body and headers; a statistical
/// run does not (its apps answer 200 after their base latency).
/// </summary>
public interface IWorkloadApps
{
    /// <summary>The app's answer, or null when the image is not one the sandbox can run (the pod then answers as an inert workload).</summary>
    AppReply? Answer(AppRequest request);
}

/// <summary>A request as it reaches the app container, with a way to make the calls the app makes itself.</summary>
public sealed record AppRequest(WorkloadInfo Pod, int Port, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body, IOutboundCalls Outbound);

/// <summary>The app's response and the time it spent (its own work plus the calls it made).</summary>
public sealed record AppReply(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body, double LatencyMs);

/// <summary>Calls an app makes to other services, sent from its own pod through its own sidecar.</summary>
public interface IOutboundCalls
{
    HttpExchange Send(HttpCall call);
}
