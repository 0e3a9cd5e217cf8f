using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;
using static IstioTutor.Core.Tests.Mesh.GatewayApiBookinfo;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>Ambient mode through the simulator: ztunnel's HBONE mTLS and L4 policy, waypoints with L7 policy and routes.</summary>
public sealed class AmbientSimulationTests
{
    private const string AllowProductpageL4 = """{"kind":"AuthorizationPolicy","metadata":{"name":"reviews-l4","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"from":[{"source":{"principals":["cluster.local/ns/learn-alice/sa/bookinfo-productpage"]}}]}]}}""";

    private const string WaypointGetOnly = """{"kind":"AuthorizationPolicy","metadata":{"name":"reviews-get","namespace":"NS"},"spec":{"targetRefs":[{"kind":"Service","group":"","name":"reviews"}],"action":"ALLOW","rules":[{"from":[{"source":{"principals":["cluster.local/ns/learn-alice/sa/bookinfo-productpage"]}}],"to":[{"operation":{"methods":["GET"]}}]}]}}""";

    private readonly TrafficSimulator _simulator = new();

    private HttpExchange Send(HttpCall call, string? namespaceLabels, params string[] config) =>
        _simulator.Send(MeshModel.From(Snapshot(true, config, [], namespaceLabels)), call);

    [Fact]
    public void An_ambient_client_reaches_an_ambient_pod_over_mTLS_without_sidecars()
    {
        var exchange = Send(new HttpCall("productpage", "reviews"), null);

        Assert.Equal(200, exchange.Status);
        Assert.True(exchange.MutualTls);
        Assert.Contains(exchange.Notes, n => n.Contains("ztunnel carries its traffic over HBONE", StringComparison.Ordinal));
    }

    [Fact]
    public void An_L4_policy_through_ztunnel_allows_the_named_principal()
    {
        Assert.Equal(200, Send(new HttpCall("productpage", "reviews"), null, AllowProductpageL4).Status);
    }

    [Fact]
    public void An_L4_policy_through_ztunnel_resets_other_clients()
    {
        var exchange = Send(new HttpCall("sleep", "reviews"), null, AllowProductpageL4);

        Assert.Equal(ExchangeOutcome.ConnectionReset, exchange.Outcome);
        Assert.Contains(exchange.Trace, s => s.Contains("ztunnel", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_waypoint_an_ALLOW_rule_with_HTTP_methods_never_matches_so_ztunnel_denies()
    {
        var l7OnZtunnel = """{"kind":"AuthorizationPolicy","metadata":{"name":"reviews-get","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"to":[{"operation":{"methods":["GET"]}}]}]}}""";

        var exchange = Send(new HttpCall("productpage", "reviews"), null, l7OnZtunnel);

        Assert.Equal(ExchangeOutcome.ConnectionReset, exchange.Outcome);
    }

    [Fact]
    public void Without_a_waypoint_a_DENY_rule_keeps_only_its_L4_part()
    {
        var deny = """{"kind":"AuthorizationPolicy","metadata":{"name":"deny-post","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"DENY","rules":[{"from":[{"source":{"namespaces":["learn-alice"]}}],"to":[{"operation":{"methods":["POST"]}}]}]}}""";

        var get = Send(new HttpCall("productpage", "reviews"), null, deny);

        // The to-clause had only an HTTP attribute: left empty, it matches nothing, so the DENY has no effect.
        Assert.Equal(200, get.Status);
    }

    [Fact]
    public void A_waypoint_L7_policy_denies_a_method_it_does_not_allow_with_403()
    {
        var exchange = Send(new HttpCall("productpage", "reviews") { Method = "DELETE" }, AmbientWithWaypoint, Waypoint, WaypointGetOnly);

        Assert.Equal(403, exchange.Status);
        Assert.Equal("RBAC: access denied", exchange.Body);
        Assert.Contains(exchange.Headers, h => h.Key == "server" && h.Value == "istio-envoy");
        Assert.Contains(exchange.Trace, s => s.StartsWith("waypoint learn-alice/waypoint: 403", StringComparison.Ordinal));
    }

    [Fact]
    public void A_waypoint_L7_policy_allows_the_method_it_names()
    {
        var exchange = Send(new HttpCall("productpage", "reviews"), AmbientWithWaypoint, Waypoint, WaypointGetOnly);

        Assert.Equal(200, exchange.Status);
    }

    [Fact]
    public void Behind_a_waypoint_ztunnel_sees_the_waypoints_identity_so_an_L4_policy_for_the_client_denies()
    {
        var exchange = Send(new HttpCall("productpage", "reviews"), AmbientWithWaypoint, Waypoint, AllowProductpageL4);

        Assert.Equal(503, exchange.Status);
        Assert.Contains(exchange.Trace, s => s.Contains("cluster.local/ns/learn-alice/sa/waypoint", StringComparison.Ordinal));
    }

    [Fact]
    public void A_policy_with_targetRefs_does_nothing_when_the_Service_has_no_waypoint()
    {
        var exchange = Send(new HttpCall("productpage", "reviews") { Method = "DELETE" }, null, WaypointGetOnly);

        Assert.Equal(200, exchange.Status);
    }

    [Fact]
    public void A_waypoint_applies_a_GAMMA_HTTPRoute_for_ambient_clients()
    {
        var route = ReviewsRoute("reviews", $"[{{\"backendRefs\":[{Backend("reviews-v2")}]}}]");

        var withWaypoint = _simulator.Simulate(Snapshot(true, [Waypoint, route], [], AmbientWithWaypoint), new SimulationRequest("reviews") { Source = "productpage", Requests = 50 });
        var withoutWaypoint = _simulator.Simulate(Snapshot(true, [route], []), new SimulationRequest("reviews") { Source = "productpage", Requests = 300 });

        Assert.Equal(50, withWaypoint.ToVersion("v2"));
        Assert.InRange(withoutWaypoint.ToVersion("v2"), 60, 140);
        Assert.Contains(withoutWaypoint.Notes, n => n.Contains("nothing on this path applies it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_use_waypoint_label_naming_a_missing_waypoint_is_explained()
    {
        var exchange = Send(new HttpCall("productpage", "reviews"), AmbientWithWaypoint);

        Assert.Equal(200, exchange.Status);
        Assert.Contains(exchange.Notes, n => n.Contains("no Gateway learn-alice/waypoint of class istio-waypoint exists", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ipBlocks_rule_through_ztunnel_admits_the_pod_whose_IP_is_in_the_block()
    {
        var curl = Bookinfo.Pod("curl", "v1", sidecar: false);
        curl["status"] = new System.Text.Json.Nodes.JsonObject { ["podIP"] = "10.8.0.5" };
        var byIp = """{"kind":"AuthorizationPolicy","metadata":{"name":"reviews-ip","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"from":[{"source":{"ipBlocks":["10.8.0.0/16"]}}]}]}}""";
        var model = MeshModel.From(Snapshot(true, [byIp], [curl]));

        Assert.Equal(200, _simulator.Send(model, new HttpCall("curl", "reviews")).Status);
        Assert.Equal(ExchangeOutcome.ConnectionReset, _simulator.Send(model, new HttpCall("productpage", "reviews")).Outcome);
    }

    [Fact]
    public void STRICT_mTLS_in_ambient_refuses_a_plaintext_client_outside_the_mesh()
    {
        var strict = """{"kind":"PeerAuthentication","metadata":{"name":"default","namespace":"NS"},"spec":{"mtls":{"mode":"STRICT"}}}""";

        Assert.Equal(ExchangeOutcome.ConnectionReset, Send(new HttpCall(null, "reviews"), null, strict).Outcome);
        Assert.Equal(200, Send(new HttpCall("productpage", "reviews"), null, strict).Status);
    }
}
