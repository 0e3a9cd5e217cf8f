using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;
using static IstioTutor.Core.Tests.Mesh.GatewayApiBookinfo;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>HTTPRoute and GRPCRoute through the simulator: GAMMA mesh routes, an ingress Gateway, precedence and filters.</summary>
public sealed class GatewayApiSimulationTests
{
    private const string ReviewsVs = """{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS","creationTimestamp":"CREATED"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews-v3"}}]}]}}""";

    private readonly TrafficSimulator _simulator = new();

    private SimulationReport Run(SimulationRequest request, params string[] config) => _simulator.Simulate(Snapshot(false, config), request);

    private HttpExchange Send(HttpCall call, params string[] config) => _simulator.Send(MeshModel.From(Snapshot(false, config)), call);

    private static SimulationRequest ToReviews(int n = 200) => new("reviews") { Source = "productpage", Requests = n, Seed = 7 };

    [Fact]
    public void A_50_50_HTTPRoute_sends_half_the_traffic_to_each_version_within_10_points_over_200_requests()
    {
        var route = ReviewsRoute("reviews", $"[{{\"backendRefs\":[{Backend("reviews-v1", 50)},{Backend("reviews-v3", 50)}]}}]");

        var report = Run(ToReviews(), route);

        Assert.InRange(report.ToVersion("v1"), 80, 120);
        Assert.InRange(report.ToVersion("v3"), 80, 120);
        Assert.Equal(200, report.CountOf(200));
        Assert.Equal("HTTPRoute learn-alice/reviews", report.VirtualService);
    }

    [Fact]
    public void A_header_match_sends_jason_to_v2_and_everyone_else_to_v1()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"matches":[{"headers":[{"name":"end-user","value":"jason"}]}],"backendRefs":[{{{{Backend("reviews-v2")}}}}]},{"backendRefs":[{{{{Backend("reviews-v1")}}}}]}]""");

        var jason = Run(ToReviews(50) with { Headers = new Dictionary<string, string> { ["End-User"] = "jason" } }, route);
        var anonymous = Run(ToReviews(50), route);

        Assert.Equal(50, jason.ToVersion("v2"));
        Assert.Equal(50, anonymous.ToVersion("v1"));
    }

    [Fact]
    public void An_exact_path_beats_a_longer_prefix_listed_before_it()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"matches":[{"path":{"type":"PathPrefix","value":"/reviews/0"}}],"backendRefs":[{{{{Backend("reviews-v1")}}}}]},{"matches":[{"path":{"type":"Exact","value":"/reviews"}}],"backendRefs":[{{{{Backend("reviews-v2")}}}}]},{"matches":[{"path":{"type":"PathPrefix","value":"/reviews"}}],"backendRefs":[{{{{Backend("reviews-v3")}}}}]}]""");

        Assert.Equal("v2", Send(new HttpCall("productpage", "reviews") { Path = "/reviews" }, route).Upstream?.Version);
        Assert.Equal("v1", Send(new HttpCall("productpage", "reviews") { Path = "/reviews/0" }, route).Upstream?.Version);
        Assert.Equal("v3", Send(new HttpCall("productpage", "reviews") { Path = "/reviews/1" }, route).Upstream?.Version);
    }

    [Fact]
    public void A_method_match_beats_a_rule_without_one_and_more_headers_beat_fewer()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"matches":[{"headers":[{"name":"a","value":"1"}]}],"backendRefs":[{{{{Backend("reviews-v1")}}}}]},{"matches":[{"headers":[{"name":"a","value":"1"},{"name":"b","value":"2"}]}],"backendRefs":[{{{{Backend("reviews-v2")}}}}]},{"matches":[{"method":"POST"}],"backendRefs":[{{{{Backend("reviews-v3")}}}}]}]""");
        var both = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };

        Assert.Equal("v2", Send(new HttpCall("productpage", "reviews") { Headers = both }, route).Upstream?.Version);
        Assert.Equal("v3", Send(new HttpCall("productpage", "reviews") { Method = "POST", Headers = both }, route).Upstream?.Version);
    }

    [Fact]
    public void On_a_tie_the_older_route_wins()
    {
        var newer = ReviewsRoute("a-newer", $"[{{\"backendRefs\":[{Backend("reviews-v1")}]}}]", "2026-02-01T00:00:00Z");
        var older = ReviewsRoute("z-older", $"[{{\"backendRefs\":[{Backend("reviews-v2")}]}}]", "2026-01-01T00:00:00Z");

        var exchange = Send(new HttpCall("productpage", "reviews"), newer, older);

        Assert.Equal("v2", exchange.Upstream?.Version);
    }

    [Fact]
    public void A_PathPrefix_matches_whole_path_segments_only()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"matches":[{"path":{"type":"PathPrefix","value":"/api/"}}],"backendRefs":[{{{{Backend("reviews-v2")}}}}]}]""");

        Assert.Equal(200, Send(new HttpCall("productpage", "reviews") { Path = "/api/x" }, route).Status);
        Assert.Equal(404, Send(new HttpCall("productpage", "reviews") { Path = "/apix" }, route).Status);
    }

    [Fact]
    public void A_query_parameter_match_routes_by_the_query_string()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"matches":[{"queryParams":[{"name":"canary","value":"true"}]}],"backendRefs":[{{{{Backend("reviews-v3")}}}}]},{"backendRefs":[{{{{Backend("reviews-v1")}}}}]}]""");

        Assert.Equal("v3", Send(new HttpCall("productpage", "reviews") { Path = "/reviews/0?canary=true" }, route).Upstream?.Version);
        Assert.Equal("v1", Send(new HttpCall("productpage", "reviews") { Path = "/reviews/0?canary=false" }, route).Upstream?.Version);
    }

    [Fact]
    public void An_HTTPRoute_in_the_clients_namespace_takes_precedence_over_an_older_VirtualService()
    {
        var vs = ReviewsVs.Replace("CREATED", "2025-01-01T00:00:00Z", StringComparison.Ordinal);
        var route = ReviewsRoute("reviews", $"[{{\"backendRefs\":[{Backend("reviews-v1")}]}}]", "2026-01-01T00:00:00Z");

        var report = Run(ToReviews(20), vs, route);

        Assert.Equal(20, report.ToVersion("v1"));
        Assert.Contains(report.Notes, n => n.Contains("Istio prefers Gateway API routes from the proxy's own namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void An_older_VirtualService_wins_over_a_newer_HTTPRoute_from_another_namespace()
    {
        var vs = ReviewsVs.Replace("CREATED", "2025-01-01T00:00:00Z", StringComparison.Ordinal);
        var foreign = ForeignRoute("2026-01-01T00:00:00Z");

        var report = Run(ToReviews(20), vs, foreign);

        Assert.Equal(20, report.ToVersion("v3"));
        Assert.Contains(report.Notes, n => n.Contains("the older configuration wins, so the HTTPRoute is not used", StringComparison.Ordinal));
    }

    [Fact]
    public void An_older_HTTPRoute_from_another_namespace_wins_over_a_newer_VirtualService()
    {
        var vs = ReviewsVs.Replace("CREATED", "2026-06-01T00:00:00Z", StringComparison.Ordinal);
        var foreign = ForeignRoute("2026-01-01T00:00:00Z");

        var report = Run(ToReviews(20), vs, foreign);

        Assert.Equal(20, report.ToVersion("v1"));
        Assert.Equal("HTTPRoute team-b/reviews", report.VirtualService);
    }

    /// <summary>A GAMMA route on learn-alice's reviews Service written in another namespace (a consumer route).</summary>
    private static string ForeignRoute(string created) =>
        $$$"""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"reviews","namespace":"team-b","creationTimestamp":"{{{created}}}"},"spec":{"parentRefs":[{"group":"","kind":"Service","name":"reviews","namespace":"NS"}],"rules":[{"backendRefs":[{"name":"reviews-v1","namespace":"NS","port":9080}]}]}}""";

    [Fact]
    public void Without_an_HTTPRoute_the_VirtualService_routes_as_before()
    {
        var report = Run(ToReviews(20), ReviewsVs.Replace("CREATED", "2025-01-01T00:00:00Z", StringComparison.Ordinal));

        Assert.Equal(20, report.ToVersion("v3"));
        Assert.Equal("VirtualService learn-alice/reviews", report.VirtualService);
    }

    [Fact]
    public void RequestHeaderModifier_sets_adds_and_removes_headers_the_app_receives()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"filters":[{"type":"RequestHeaderModifier","requestHeaderModifier":{"set":[{"name":"x-set","value":"s"}],"add":[{"name":"x-add","value":"b"}],"remove":["x-drop"]}}],"backendRefs":[{{{{Backend("reviews-v1")}}}}]}]""");
        var apps = new RecordingApps();

        _simulator.Send(MeshModel.From(Snapshot(false, route)), new HttpCall("productpage", "reviews") { Headers = new Dictionary<string, string> { ["x-add"] = "a", ["x-drop"] = "1" } }, apps);

        Assert.Equal("s", apps.Seen!.Headers["x-set"]);
        Assert.Equal("a,b", apps.Seen.Headers["x-add"]);
        Assert.False(apps.Seen.Headers.ContainsKey("x-drop"));
    }

    [Fact]
    public void ResponseHeaderModifier_adds_a_header_the_client_reads()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"filters":[{"type":"ResponseHeaderModifier","responseHeaderModifier":{"add":[{"name":"x-route","value":"gamma"}]}}],"backendRefs":[{{{{Backend("reviews-v1")}}}}]}]""");

        var exchange = Send(new HttpCall("productpage", "reviews"), route);

        Assert.Contains(exchange.Headers, h => h.Key == "x-route" && h.Value == "gamma");
    }

    [Fact]
    public void RequestRedirect_answers_302_with_the_new_location_by_default()
    {
        var route = ReviewsRoute("reviews", """[{"filters":[{"type":"RequestRedirect","requestRedirect":{"hostname":"reviews.example.com","path":{"type":"ReplaceFullPath","replaceFullPath":"/moved"}}}]}]""");

        var exchange = Send(new HttpCall("productpage", "reviews") { Path = "/old" }, route);

        Assert.Equal(302, exchange.Status);
        Assert.Contains(exchange.Headers, h => h.Key == "location" && h.Value == "http://reviews.example.com:9080/moved");
    }

    [Fact]
    public void URLRewrite_replaces_the_matched_prefix_and_the_host_the_app_sees()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"matches":[{"path":{"type":"PathPrefix","value":"/v2"}}],"filters":[{"type":"URLRewrite","urlRewrite":{"hostname":"reviews.internal","path":{"type":"ReplacePrefixMatch","replacePrefixMatch":"/reviews"}}}],"backendRefs":[{{{{Backend("reviews-v2")}}}}]}]""");
        var apps = new RecordingApps();

        _simulator.Send(MeshModel.From(Snapshot(false, route)), new HttpCall("productpage", "reviews") { Path = "/v2/0?x=1" }, apps);

        Assert.Equal("/reviews/0?x=1", apps.Seen!.Path);
        Assert.Equal("reviews.internal", apps.Seen.Headers["host"]);
    }

    [Fact]
    public void RequestMirror_copies_the_given_percentage_to_the_mirror_backend()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"filters":[{"type":"RequestMirror","requestMirror":{"backendRef":{"name":"reviews-v3","port":9080},"percent":50}}],"backendRefs":[{{{{Backend("reviews-v1")}}}}]}]""");

        var report = Run(ToReviews(), route);

        Assert.Equal(200, report.ToVersion("v1"));
        Assert.InRange(report.Mirrored["reviews-v3.learn-alice.svc.cluster.local"], 70, 130);
    }

    [Fact]
    public void A_request_timeout_turns_a_slow_backend_into_504()
    {
        var route = ReviewsRoute("reviews", $$$$"""[{"timeouts":{"request":"500ms"},"backendRefs":[{{{{Backend("reviews-v1")}}}}]}]""");

        var report = Run(ToReviews(20) with { Behaviours = new Dictionary<string, WorkloadBehaviour> { ["reviews"] = new WorkloadBehaviour(ExtraLatencyMs: 2000) } }, route);

        Assert.Equal(20, report.CountOf(504));
    }

    [Fact]
    public void Zero_weights_everywhere_answer_500_as_the_Gateway_API_requires()
    {
        var route = ReviewsRoute("reviews", $"[{{\"backendRefs\":[{Backend("reviews-v1", 0)}]}}]");

        Assert.Equal(500, Send(new HttpCall("productpage", "reviews"), route).Status);
    }

    [Fact]
    public void A_backendRef_to_a_missing_Service_answers_500()
    {
        var route = ReviewsRoute("reviews", $"[{{\"backendRefs\":[{Backend("reviews-v9")}]}}]");

        Assert.Equal(500, Send(new HttpCall("productpage", "reviews"), route).Status);
    }

    [Fact]
    public void A_Gateway_route_to_another_namespaces_Service_needs_a_ReferenceGrant()
    {
        var route = """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"bookinfo","namespace":"NS"},"spec":{"parentRefs":[{"name":"bookinfo-gateway"}],"rules":[{"backendRefs":[{"name":"istio-ingressgateway","namespace":"istio-system","port":80}]}]}}""";
        var grant = """{"apiVersion":"gateway.networking.k8s.io/v1beta1","kind":"ReferenceGrant","metadata":{"name":"from-learner","namespace":"istio-system"},"spec":{"from":[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute","namespace":"NS"}],"to":[{"group":"","kind":"Service"}]}}""";
        var call = new HttpCall("bookinfo-gateway-istio", "bookinfo.example.com") { Port = 80 };

        var refused = Send(call, IngressGateway(), route);
        var granted = _simulator.Send(MeshModel.From(Bookinfo.Snapshot([.. new[] { IngressGateway(), route }.Select(Bookinfo.Config)], [Bookinfo.Config(grant)])), call);

        Assert.Equal(500, refused.Status);
        Assert.Contains(refused.Trace, s => s.Contains("RefNotPermitted", StringComparison.Ordinal));
        Assert.NotEqual(500, granted.Status);
    }

    [Fact]
    public void The_ingress_Gateway_routes_by_listener_and_route_hostname()
    {
        var route = """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"bookinfo","namespace":"NS"},"spec":{"parentRefs":[{"name":"bookinfo-gateway"}],"hostnames":["bookinfo.example.com"],"rules":[{"matches":[{"path":{"type":"Exact","value":"/productpage"}}],"backendRefs":[{"name":"productpage","port":9080}]}]}}""";
        var model = MeshModel.From(Snapshot(false, IngressGateway(), route));

        var ok = _simulator.Send(model, new HttpCall("bookinfo-gateway-istio", "bookinfo.example.com") { Port = 80, Path = "/productpage" });
        var otherHost = _simulator.Send(model, new HttpCall("bookinfo-gateway-istio", "other.example.com") { Port = 80, Path = "/productpage" });

        Assert.Equal(200, ok.Status);
        Assert.Equal("productpage", ok.Upstream?.App);
        Assert.Contains(ok.Headers, h => h.Key == "server" && h.Value == "istio-envoy");
        Assert.Equal(404, otherHost.Status);
    }

    [Fact]
    public void A_route_from_another_namespace_is_not_admitted_by_a_Same_namespace_listener()
    {
        var foreign = """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"bookinfo","namespace":"other"},"spec":{"parentRefs":[{"name":"bookinfo-gateway","namespace":"NS"}],"rules":[{"backendRefs":[{"name":"productpage","namespace":"NS","port":9080}]}]}}""";

        var exchange = Send(new HttpCall("bookinfo-gateway", "bookinfo.example.com") { Port = 80 }, IngressGateway(), foreign);

        Assert.Equal(404, exchange.Status);
        Assert.Contains(exchange.Notes, n => n.Contains("allowedRoutes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_GRPCRoute_matches_the_service_and_method_of_the_call()
    {
        var route = """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"GRPCRoute","metadata":{"name":"reviews","namespace":"NS"},"spec":{"parentRefs":[{"group":"","kind":"Service","name":"reviews"}],"rules":[{"matches":[{"method":{"service":"bookinfo.Reviews","method":"List"}}],"backendRefs":[{"name":"reviews-v2","port":9080}]},{"backendRefs":[{"name":"reviews-v1","port":9080}]}]}}""";

        Assert.Equal("v2", Send(new HttpCall("productpage", "reviews") { Method = "POST", Path = "/bookinfo.Reviews/List" }, route).Upstream?.Version);
        Assert.Equal("v1", Send(new HttpCall("productpage", "reviews") { Method = "POST", Path = "/bookinfo.Reviews/Get" }, route).Upstream?.Version);
    }

    /// <summary>Remembers the request that reached the app.</summary>
    private sealed class RecordingApps : IWorkloadApps
    {
        public AppRequest? Seen { get; private set; }

        public AppReply? Answer(AppRequest request)
        {
            Seen = request;
            return new AppReply(200, [], "ok", 2);
        }
    }
}
