using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Tests.Mesh;

public sealed class TrafficSimulatorTests
{
    private const string SplitV1V3 = """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"match":[{"headers":{"end-user":{"exact":"jason"}}}],"route":[{"destination":{"host":"reviews","subset":"v2"}}]},{"route":[{"destination":{"host":"reviews","subset":"v1"},"weight":50},{"destination":{"host":"reviews","subset":"v3"},"weight":50}]}]}}""";

    private readonly TrafficSimulator _simulator = new();

    private SimulationReport Run(SimulationRequest request, params string[] config) =>
        _simulator.Simulate(Bookinfo.Snapshot([.. config.Select(Bookinfo.Config)], []), request);

    private static SimulationRequest ToReviews(int n = 1000) => new("reviews") { Source = "productpage", Requests = n, Seed = 42 };

    [Fact]
    public void A_50_50_split_lands_within_5_percent_over_1000_requests()
    {
        var report = Run(ToReviews(), Bookinfo.ReviewsSubsets, SplitV1V3);

        Assert.InRange(report.ToVersion("v1"), 450, 550);
        Assert.InRange(report.ToVersion("v3"), 450, 550);
        Assert.Equal(0, report.ToVersion("v2"));
        Assert.Equal(1000, report.CountOf(200));
    }

    [Fact]
    public void A_header_match_routes_every_request()
    {
        var report = Run(ToReviews() with { Headers = new Dictionary<string, string> { ["End-User"] = "jason" } }, Bookinfo.ReviewsSubsets, SplitV1V3);

        Assert.Equal(1000, report.ToVersion("v2"));
    }

    [Fact]
    public void A_10_percent_abort_aborts_about_10_percent_within_3_points()
    {
        var report = Run(ToReviews(), """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"fault":{"abort":{"httpStatus":500,"percentage":{"value":10}}},"route":[{"destination":{"host":"reviews"}}]}]}}""");

        Assert.InRange(report.CountOf(500), 70, 130);
        Assert.Equal(1000, report.CountOf(500) + report.CountOf(200));
        Assert.Equal(report.CountOf(500), report.ResponseFlags["FI"]);
    }

    [Fact]
    public void STRICT_mTLS_refuses_a_plaintext_source_without_sidecar()
    {
        var strict = """{"kind":"PeerAuthentication","metadata":{"name":"default","namespace":"NS"},"spec":{"mtls":{"mode":"STRICT"}}}""";

        var plaintext = Run(ToReviews(100) with { Source = null }, strict);
        var meshClient = Run(ToReviews(100), strict);

        Assert.Equal(100, plaintext.CountOf(0));
        Assert.Equal(100, meshClient.CountOf(200));
    }

    [Fact]
    public void PERMISSIVE_mTLS_accepts_a_plaintext_source()
    {
        var report = Run(ToReviews(100) with { Source = null }, """{"kind":"PeerAuthentication","metadata":{"name":"default","namespace":"NS"},"spec":{"mtls":{"mode":"PERMISSIVE"}}}""");

        Assert.Equal(100, report.CountOf(200));
    }

    [Fact]
    public void A_DENY_policy_wins_over_an_ALLOW_policy()
    {
        var report = Run(
            ToReviews(50),
            """{"kind":"AuthorizationPolicy","metadata":{"name":"allow-all","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{}]}}""",
            """{"kind":"AuthorizationPolicy","metadata":{"name":"deny-productpage","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"DENY","rules":[{"from":[{"source":{"principals":["cluster.local/ns/learn-alice/sa/bookinfo-productpage"]}}]}]}}""");

        Assert.Equal(50, report.CountOf(403));
    }

    [Fact]
    public void An_ALLOW_policy_matching_nothing_denies()
    {
        var report = Run(ToReviews(50), """{"kind":"AuthorizationPolicy","metadata":{"name":"only-ratings","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"from":[{"source":{"principals":["cluster.local/ns/learn-alice/sa/bookinfo-ratings"]}}]}]}}""");

        Assert.Equal(50, report.CountOf(403));
        Assert.Contains(report.Traces[0].Steps, s => s.Contains("RBAC: access denied", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        var first = Run(ToReviews(300), Bookinfo.ReviewsSubsets, SplitV1V3);
        var second = Run(ToReviews(300), Bookinfo.ReviewsSubsets, SplitV1V3);

        Assert.Equal(first.Destinations, second.Destinations);
        Assert.Equal(first.Latency, second.Latency);
        Assert.Equal(first.StatusCodes, second.StatusCodes);
    }

    [Fact]
    public void An_undefined_subset_gives_503_NC()
    {
        var report = Run(ToReviews(20), """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews","subset":"v4"}}]}]}}""");

        Assert.Equal(20, report.CountOf(503));
        Assert.Equal(20, report.ResponseFlags["NC"]);
    }

    [Fact]
    public void A_route_timeout_shorter_than_the_injected_delay_gives_504()
    {
        var report = Run(ToReviews(20), """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"timeout":"0.5s","fault":{"delay":{"fixedDelay":"2s","percentage":{"value":100}}},"route":[{"destination":{"host":"reviews"}}]}]}}""");

        Assert.Equal(20, report.CountOf(504));
        Assert.Equal(500, report.Latency.Max);
    }

    [Fact]
    public void Retries_hide_a_flaky_pod_that_fails_half_the_time()
    {
        var flaky = new Dictionary<string, WorkloadBehaviour> { ["reviews/v1"] = new(FailureRate: 0.5) };
        var noRetry = Run(ToReviews() with { Behaviours = flaky }, """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"retries":{"attempts":0},"route":[{"destination":{"host":"reviews"}}]}]}}""");
        var withRetry = Run(ToReviews() with { Behaviours = flaky }, """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"retries":{"attempts":3,"retryOn":"5xx"},"route":[{"destination":{"host":"reviews"}}]}]}}""");

        Assert.InRange(noRetry.CountOf(503), 100, 230);
        Assert.True(withRetry.CountOf(503) < 10, $"{withRetry.CountOf(503)} failures left after retries");
    }

    [Fact]
    public void Connection_pool_limits_overflow_concurrent_requests_with_503_UO()
    {
        var report = Run(ToReviews(100) with { Concurrency = 4 }, """{"kind":"DestinationRule","metadata":{"name":"reviews","namespace":"NS"},"spec":{"host":"reviews","trafficPolicy":{"connectionPool":{"tcp":{"maxConnections":1},"http":{"http1MaxPendingRequests":1}}}}}""");

        Assert.Equal(50, report.ResponseFlags["UO"]);
    }

    [Fact]
    public void Outlier_detection_ejects_a_failing_pod()
    {
        var report = Run(
            ToReviews(600) with { Behaviours = new Dictionary<string, WorkloadBehaviour> { ["reviews-v3-0"] = new(FailureRate: 1) } },
            """{"kind":"DestinationRule","metadata":{"name":"reviews","namespace":"NS"},"spec":{"host":"reviews","trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":1,"interval":"1s","baseEjectionTime":"3m","maxEjectionPercent":100}}}}""");

        Assert.Contains(report.Notes, n => n.StartsWith("outlier detection ejected reviews-v3-0", StringComparison.Ordinal));
        Assert.True(report.Destinations.Where(d => d.Workload == "reviews-v3-0").Sum(d => d.Count) < 10);
    }

    [Fact]
    public void An_invalid_JWT_is_rejected_with_401_and_a_missing_one_passes()
    {
        const string ra = """{"kind":"RequestAuthentication","metadata":{"name":"jwt","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"jwtRules":[{"issuer":"testing@secure.istio.io"}]}}""";

        var invalid = Run(ToReviews(10) with { Jwt = new SimulatedJwt("testing@secure.istio.io", "alice", Valid: false) }, ra);
        var missing = Run(ToReviews(10), ra);

        Assert.Equal(10, invalid.CountOf(401));
        Assert.Equal(10, missing.CountOf(200));
    }

    [Fact]
    public void An_unknown_source_is_refused_with_the_workloads_listed()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(ToReviews(1) with { Source = "shop" }));

        Assert.Contains("No workload named \"shop\" in learn-alice", error.Message, StringComparison.Ordinal);
        Assert.Contains("productpage-v1-0", error.Message, StringComparison.Ordinal);
    }

    private const string HttpbinEntry = """{"kind":"ServiceEntry","metadata":{"name":"httpbin-ext","namespace":"NS"},"spec":{"hosts":["httpbin.org"],"ports":[{"number":80,"name":"http","protocol":"HTTP"}],"resolution":"DNS","location":"MESH_EXTERNAL"}}""";

    [Fact]
    public void A_request_to_a_ServiceEntry_host_reaches_the_external_host()
    {
        var report = Run(new SimulationRequest("httpbin.org") { Source = "productpage", Requests = 20, Seed = 1 }, HttpbinEntry);

        Assert.Equal(20, report.CountOf(200));
        Assert.Contains(report.Notes, n => n.Contains("ServiceEntry learn-alice/httpbin-ext", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_to_an_external_host_without_a_ServiceEntry_is_refused_with_the_reason()
    {
        var error = Assert.Throws<UnknownHostException>(() => Run(new SimulationRequest("httpbin.org") { Source = "productpage", Requests = 5, Seed = 1 }));

        Assert.Contains("\"httpbin.org\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_VirtualService_fault_on_a_ServiceEntry_host_applies()
    {
        var report = Run(
            new SimulationRequest("httpbin.org") { Source = "productpage", Requests = 20, Seed = 1 },
            HttpbinEntry,
            """{"kind":"VirtualService","metadata":{"name":"httpbin","namespace":"NS"},"spec":{"hosts":["httpbin.org"],"http":[{"fault":{"abort":{"httpStatus":418,"percentage":{"value":100}}},"route":[{"destination":{"host":"httpbin.org"}}]}]}}""");

        Assert.Equal(20, report.CountOf(418));
    }

    [Fact]
    public void A_client_reaches_a_service_by_name_dot_namespace_through_its_DNS_search_path()
    {
        var report = Run(new SimulationRequest("reviews.learn-alice") { Source = "productpage", Requests = 30, Seed = 1 }, Bookinfo.ReviewsSubsets);

        Assert.Equal(30, report.CountOf(200));
        Assert.Equal(30, report.ToVersion("v1") + report.ToVersion("v2") + report.ToVersion("v3"));
    }

    private const string BookinfoGateway = """{"kind":"Gateway","metadata":{"name":"bookinfo-gateway","namespace":"NS"},"spec":{"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}}""";

    private const string BookinfoRoute = """{"kind":"VirtualService","metadata":{"name":"bookinfo","namespace":"NS"},"spec":{"hosts":["*"],"gateways":["bookinfo-gateway"],"http":[{"match":[{"uri":{"exact":"/productpage"}}],"route":[{"destination":{"host":"productpage","port":{"number":9080}}}]}]}}""";

    private static SimulationRequest ThroughIngress(string path) => new("bookinfo.example.com") { Source = "istio-ingressgateway", Path = path, Requests = 20, Seed = 1 };

    [Fact]
    public void A_request_through_the_ingress_gateway_follows_the_bound_VirtualService_to_productpage()
    {
        var report = Run(ThroughIngress("/productpage"), BookinfoGateway, BookinfoRoute);

        Assert.Equal(20, report.CountOf(200));
        Assert.All(report.Destinations, d => Assert.Equal("productpage", d.Service));
    }

    [Fact]
    public void A_path_the_gateway_bound_VirtualService_does_not_match_gets_404()
    {
        var report = Run(ThroughIngress("/admin"), BookinfoGateway, BookinfoRoute);

        Assert.Equal(20, report.CountOf(404));
    }

    [Fact]
    public void A_VirtualService_not_bound_to_the_Gateway_is_not_used_by_the_ingress_gateway()
    {
        var report = Run(ThroughIngress("/productpage"), BookinfoGateway, BookinfoRoute.Replace("\"gateways\":[\"bookinfo-gateway\"],", "", StringComparison.Ordinal));

        Assert.Equal(20, report.CountOf(404));
        Assert.Contains(report.Notes, n => n.Contains("no VirtualService bound", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Gateway_that_does_not_accept_the_Host_header_routes_nothing()
    {
        var report = Run(ThroughIngress("/productpage"), BookinfoGateway.Replace("[\"*\"]", "[\"shop.example.com\"]", StringComparison.Ordinal), BookinfoRoute);

        Assert.Equal(20, report.CountOf(404));
    }
}
