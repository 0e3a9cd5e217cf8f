using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// Predicts what Istio would do with N requests from a source workload to a host, from the namespace's
/// configuration alone (no traffic is sent). Deterministic for a given seed. Model, in order per request:
/// client sidecar routing (VirtualService first match wins, weights, fault delay/abort), DestinationRule
/// subset and load balancing, connection-pool overflow, outlier ejection, mTLS handshake against the
/// destination's PeerAuthentication, RequestAuthentication (401), AuthorizationPolicy (403), the
/// destination's own latency and failures, then retries, per-try timeout and route timeout.
/// The parts: <see cref="TrafficSource"/>, <see cref="RouteResolver"/>, <see cref="EndpointPool"/>,
/// <see cref="SecurityCheck"/> and <see cref="RequestFlow"/>; <see cref="SimulationRun"/> states the simplifications.
/// </summary>
public sealed class TrafficSimulator
{
    public SimulationReport Simulate(MeshSnapshot snapshot, SimulationRequest request) => Simulate(MeshModel.From(snapshot), request);

    public SimulationReport Simulate(MeshModel model, SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Host))
        {
            throw new ArgumentException("The host to send requests to is empty: give a service name such as \"reviews\".", nameof(request));
        }

        if (request.Requests is < 1 or > SimulationRequest.MaxRequests)
        {
            throw new ArgumentException($"Requests must be between 1 and {SimulationRequest.MaxRequests}; got {request.Requests}.", nameof(request));
        }

        if (request.Concurrency < 1)
        {
            throw new ArgumentException($"Concurrency must be at least 1; got {request.Concurrency}.", nameof(request));
        }

        return new SimulationRun(model, request).Execute();
    }

    /// <summary>
    /// Sends one request and returns the response a client would read (the app's body when
    /// <paramref name="apps"/> knows the workload's image, Envoy's local reply otherwise), with the route,
    /// upstream pod, mTLS and timing. The same route, pool and security parts as <see cref="Simulate(MeshModel, SimulationRequest)"/>.
    /// </summary>
    public HttpExchange Send(MeshModel model, HttpCall call, IWorkloadApps? apps = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(call);
        if (string.IsNullOrWhiteSpace(call.Host))
        {
            throw new ArgumentException("The host to send the request to is empty: give a service name such as \"reviews\".", nameof(call));
        }

        return SingleRequest.Send(model, call, apps);
    }
}
