using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Validation;
using static IstioTutor.Core.Tests.Mesh.GatewayApiBookinfo;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>The ambient mistakes and the findings Istio gives for them (IST0171, IST0123).</summary>
public sealed class AmbientAnalyzerTests
{
    private readonly MeshAnalyzer _analyzer = new(new IstioValidator());

    private IReadOnlyList<AnalysisMessage> Analyze(string? namespaceLabels, params string[] config) =>
        _analyzer.Analyze(Snapshot(true, config, [], namespaceLabels));

    [Fact]
    public void An_ambient_namespace_with_a_waypoint_and_a_bound_L7_policy_is_clean()
    {
        var policy = """{"apiVersion":"security.istio.io/v1","kind":"AuthorizationPolicy","metadata":{"name":"reviews-get","namespace":"NS"},"spec":{"targetRefs":[{"kind":"Service","group":"","name":"reviews"}],"action":"ALLOW","rules":[{"to":[{"operation":{"methods":["GET"]}}]}]}}""";

        Assert.Empty(Analyze(AmbientWithWaypoint, Waypoint, policy));
    }

    [Fact]
    public void TargetRefs_to_a_Service_without_a_waypoint_is_IST0171_AncestorNotBound()
    {
        var policy = """{"apiVersion":"security.istio.io/v1","kind":"AuthorizationPolicy","metadata":{"name":"reviews-get","namespace":"NS"},"spec":{"targetRefs":[{"kind":"Service","group":"","name":"reviews"}],"action":"ALLOW","rules":[{"to":[{"operation":{"methods":["GET"]}}]}]}}""";

        var finding = Assert.Single(Analyze(null, policy), m => m.Code == "IST0171");

        Assert.Equal("A condition with a negative status is present: type=WaypointAccepted, reason=AncestorNotBound, message=Service learn-alice/reviews is not bound to a waypoint.", finding.Message);
    }

    [Fact]
    public void TargetRefs_to_a_missing_waypoint_is_IST0171_TargetNotFound()
    {
        var policy = """{"apiVersion":"security.istio.io/v1","kind":"AuthorizationPolicy","metadata":{"name":"wp","namespace":"NS"},"spec":{"targetRefs":[{"kind":"Gateway","group":"gateway.networking.k8s.io","name":"waypoint"}],"action":"DENY","rules":[{"to":[{"operation":{"methods":["DELETE"]}}]}]}}""";

        var finding = Assert.Single(Analyze(null, policy), m => m.Code == "IST0171");

        Assert.Contains("type=WaypointAccepted, reason=TargetNotFound", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HTTP_rules_with_a_selector_in_an_ambient_namespace_report_the_ZtunnelAccepted_condition()
    {
        var policy = """{"apiVersion":"security.istio.io/v1","kind":"AuthorizationPolicy","metadata":{"name":"reviews-get","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"to":[{"operation":{"methods":["GET"],"paths":["/reviews/*"]}}]}]}}""";

        var finding = Assert.Single(Analyze(null, policy), m => m.Code == "IST0171");

        Assert.Contains("type=ZtunnelAccepted, reason=UnsupportedValue, message=ztunnel does not support HTTP attributes (found: methods, paths). In ambient mode you must use a waypoint proxy to enforce HTTP rules. Within an ALLOW policy, rules matching HTTP attributes are omitted.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_L4_only_policy_in_an_ambient_namespace_is_clean()
    {
        var policy = """{"apiVersion":"security.istio.io/v1","kind":"AuthorizationPolicy","metadata":{"name":"reviews-l4","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"from":[{"source":{"principals":["cluster.local/ns/learn-alice/sa/bookinfo-productpage"]}}],"to":[{"operation":{"ports":["9080"]}}]}]}}""";

        Assert.Empty(Analyze(null, policy));
    }

    [Fact]
    public void Sidecar_injection_beside_ambient_mode_is_IST0123()
    {
        var finding = Assert.Single(Analyze("""{"istio-injection":"enabled","istio.io/dataplane-mode":"ambient"}"""));

        Assert.Equal("IST0123", finding.Code);
        Assert.Contains("[istio-injection=enabled istio.io/dataplane-mode=ambient]", finding.Message, StringComparison.Ordinal);
    }
}
