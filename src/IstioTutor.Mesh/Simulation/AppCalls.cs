using System.Globalization;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// Hands a request that got through the destination proxy to the app, as the app receives it: the route's
/// header and path edits applied, and the headers Envoy adds (x-request-id, x-forwarded-proto,
/// x-envoy-attempt-count, x-forwarded-client-cert on mTLS). The app's own calls go out through
/// <see cref="IOutboundCalls"/> from its pod, one level deeper.
/// </summary>
internal sealed class AppCalls(IWorkloadApps apps, MeshModel model, HttpCall call, TrafficSource client, string requestId, int depth)
{
    /// <summary>Deeper than this, a chain of app calls is a routing loop; it ends as Envoy would after timeouts.</summary>
    public const int MaxDepth = 10;

    public IReadOnlyDictionary<string, string> LastHeaders { get; private set; } = new Dictionary<string, string>();

    public AppReply? Answer(WorkloadInfo pod, UpstreamCluster cluster, RoutePlan route, int attempt, bool mutualTls)
    {
        var headers = route.RequestHeaders.ApplyTo(call.Headers);
        headers["host"] = route.RewriteAuthority ?? (call.Port is { } port ? $"{call.Host}:{port.ToString(CultureInfo.InvariantCulture)}" : call.Host);
        headers["x-request-id"] = requestId;
        headers.TryAdd("x-forwarded-proto", "http");
        if (client.HasSidecar || pod.HasSidecar)
        {
            headers["x-envoy-attempt-count"] = (attempt + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (mutualTls && client.Principal is { } principal)
        {
            headers["x-forwarded-client-cert"] = $"By=spiffe://{pod.Principal};URI=spiffe://{principal}";
        }

        LastHeaders = headers;
        if (TrafficSource.IsIngressPod(model, pod))
        {
            return AtGateway(pod, cluster, route, headers);
        }

        var outbound = new OutboundCalls(apps, model, pod, headers, call.Behaviours, depth + 1);
        return apps.Answer(new AppRequest(pod, cluster.TargetPort, call.Method, route.RewritePath ?? call.Path, headers, call.Body, outbound));
    }

    /// <summary>
    /// A gateway pod runs Envoy, not an app: a request that reaches it (a pod curling "&lt;gateway&gt;-istio" or
    /// istio-ingressgateway) is routed again by that gateway's listeners and routes, by the Host header it carries,
    /// on the Service port it came in on (Istio's gateway Services expose the listener ports).
    /// </summary>
    private AppReply AtGateway(WorkloadInfo pod, UpstreamCluster cluster, RoutePlan route, Dictionary<string, string> headers)
    {
        var host = headers.GetValueOrDefault("host") ?? call.Host;
        var forwarded = call with
        {
            Source = pod.Name,
            Host = host.Split(':')[0],
            Port = cluster.Port,
            Path = route.RewritePath ?? call.Path,
            Headers = headers.Where(h => h.Key != "host").ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal),
            Seed = HashCode.Combine(call.Seed, depth),
        };
        var exchange = depth >= MaxDepth
            ? new HttpExchange(forwarded, ExchangeOutcome.Answered, 504, "UT", [], "upstream request timeout", 1)
            : SingleRequest.Send(model, forwarded, apps, depth + 1);
        return new AppReply(exchange.Status, exchange.Headers, exchange.Body, exchange.DurationMs);
    }

    /// <summary>
    /// The app's calls leave from its own pod and sidecar; trace headers travel with them when the app forwards them.
    /// Misbehaving workloads stay misbehaving for every caller, so the first request's behaviours apply down the chain.
    /// </summary>
    private sealed class OutboundCalls(IWorkloadApps apps, MeshModel model, WorkloadInfo pod, IReadOnlyDictionary<string, string> incoming, IReadOnlyDictionary<string, WorkloadBehaviour> behaviours, int depth) : IOutboundCalls
    {
        public HttpExchange Send(HttpCall next)
        {
            ArgumentNullException.ThrowIfNull(next);
            var from = next with { Source = next.Source ?? pod.Name, Seed = HashCode.Combine(next.Seed, incoming.GetValueOrDefault("x-request-id"), depth), Behaviours = next.Behaviours.Count == 0 ? behaviours : next.Behaviours };
            return depth > MaxDepth
                ? new HttpExchange(from, ExchangeOutcome.Answered, 504, "UT", [], "upstream request timeout", 1) { Notes = [$"the call chain is deeper than {MaxDepth}: a routing loop"] }
                : SingleRequest.Send(model, from, apps, depth);
        }
    }
}
