using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>One simulated request end to end (<see cref="TrafficSimulator.Send"/>): the seam a shell's curl and access logs use.</summary>
public sealed class TrafficSimulatorSendTests
{
    private const string ReviewsV2 = """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"name":"to-v2","headers":{"request":{"set":{"x-lab":"on"}},"response":{"add":{"x-served-by":"mesh"}}},"route":[{"destination":{"host":"reviews","subset":"v2"}}]}]}}""";

    private readonly TrafficSimulator _simulator = new();

    private static MeshModel Model(params string[] config) => MeshModel.From(Bookinfo.Snapshot([.. config.Select(Bookinfo.Config)], []));

    [Fact]
    public void A_routed_request_names_the_route_the_cluster_and_the_pod_that_answered()
    {
        var exchange = _simulator.Send(Model(Bookinfo.ReviewsSubsets, ReviewsV2), new HttpCall("productpage", "reviews") { Path = "/reviews/0" });

        Assert.Equal(ExchangeOutcome.Answered, exchange.Outcome);
        Assert.Equal(200, exchange.Status);
        Assert.Equal("v2", exchange.Upstream?.Version);
        Assert.StartsWith("outbound|9080|v2|reviews.", exchange.UpstreamCluster, StringComparison.Ordinal);
        Assert.Contains("rule \"to-v2\"", exchange.Route, StringComparison.Ordinal);
        Assert.True(exchange.MutualTls);
    }

    [Fact]
    public void STRICT_mTLS_resets_the_connection_of_a_client_without_a_sidecar()
    {
        var strict = """{"kind":"PeerAuthentication","metadata":{"name":"default","namespace":"NS"},"spec":{"mtls":{"mode":"STRICT"}}}""";

        var exchange = _simulator.Send(Model(strict), new HttpCall(null, "reviews"));

        Assert.Equal(ExchangeOutcome.ConnectionReset, exchange.Outcome);
        Assert.Equal(0, exchange.Status);
    }

    [Fact]
    public void An_unknown_host_is_an_outcome_not_an_exception()
    {
        var exchange = _simulator.Send(Model(), new HttpCall("productpage", "nosuch"));

        Assert.Equal(ExchangeOutcome.UnknownHost, exchange.Outcome);
        Assert.Contains("\"nosuch\"", exchange.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_denied_request_reads_as_Envoys_RBAC_reply()
    {
        var deny = """{"kind":"AuthorizationPolicy","metadata":{"name":"deny-all","namespace":"NS"},"spec":{}}""";

        var exchange = _simulator.Send(Model(deny), new HttpCall("productpage", "reviews"));

        Assert.Equal(403, exchange.Status);
        Assert.Equal("RBAC: access denied", exchange.Body);
    }

    [Fact]
    public void The_app_receives_the_routes_header_edits_and_Envoys_own_headers()
    {
        var apps = new EchoApps();

        var exchange = _simulator.Send(Model(Bookinfo.ReviewsSubsets, ReviewsV2), new HttpCall("productpage", "reviews"), apps);

        Assert.Equal("on", apps.Seen!.Headers["x-lab"]);
        Assert.Equal(exchange.RequestId, apps.Seen.Headers["x-request-id"]);
        Assert.StartsWith("By=spiffe://cluster.local/ns/", apps.Seen.Headers["x-forwarded-client-cert"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_reads_the_apps_body_with_Envoys_response_headers()
    {
        var exchange = _simulator.Send(Model(Bookinfo.ReviewsSubsets, ReviewsV2), new HttpCall("productpage", "reviews"), new EchoApps());

        Assert.Equal("reviews-v2 says hello", exchange.Body);
        Assert.Contains(exchange.Headers, h => h.Key == "server" && h.Value == "envoy");
        Assert.Contains(exchange.Headers, h => h.Key == "x-envoy-upstream-service-time");
        Assert.Contains(exchange.Headers, h => h.Key == "x-served-by" && h.Value == "mesh");
    }

    [Fact]
    public void An_apps_own_call_is_routed_from_its_pod_through_its_sidecar()
    {
        var exchange = _simulator.Send(Model(Bookinfo.ReviewsSubsets, ReviewsV2), new HttpCall(null, "productpage"), new EchoApps());

        Assert.Equal("productpage-v1 got: reviews-v2 says hello", exchange.Body);
    }

    /// <summary>productpage calls reviews and quotes it; every other app greets with its version.</summary>
    private sealed class EchoApps : IWorkloadApps
    {
        public AppRequest? Seen { get; private set; }

        public AppReply? Answer(AppRequest request)
        {
            if (request.Pod.App == "productpage")
            {
                var reviews = request.Outbound.Send(new HttpCall(null, "reviews") { Path = "/reviews/0" });
                return new AppReply(200, [KeyValuePair.Create("content-type", "text/plain")], $"productpage-{request.Pod.Version} got: {reviews.Body}", 5 + reviews.DurationMs);
            }

            Seen = request;
            return new AppReply(200, [KeyValuePair.Create("content-type", "text/plain")], $"{request.Pod.App}-{request.Pod.Version} says hello", 3);
        }
    }
}
