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
        var outbound = new OutboundCalls(apps, model, pod, headers, depth + 1);
        return apps.Answer(new AppRequest(pod, cluster.TargetPort, call.Method, route.RewritePath ?? call.Path, headers, call.Body, outbound));
    }

    /// <summary>The app's calls leave from its own pod and sidecar; trace headers travel with them when the app forwards them.</summary>
    private sealed class OutboundCalls(IWorkloadApps apps, MeshModel model, WorkloadInfo pod, IReadOnlyDictionary<string, string> incoming, int depth) : IOutboundCalls
    {
        public HttpExchange Send(HttpCall next)
        {
            ArgumentNullException.ThrowIfNull(next);
            var from = next with { Source = next.Source ?? pod.Name, Seed = HashCode.Combine(next.Seed, incoming.GetValueOrDefault("x-request-id"), depth) };
            return depth > MaxDepth
                ? new HttpExchange(from, ExchangeOutcome.Answered, 504, "UT", [], "upstream request timeout", 1) { Notes = [$"the call chain is deeper than {MaxDepth}: a routing loop"] }
                : SingleRequest.Send(model, from, apps, depth);
        }
    }
}
