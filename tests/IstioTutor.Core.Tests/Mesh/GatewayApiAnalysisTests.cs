using System.Text.Json.Nodes;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Validation;

namespace IstioTutor.Core.Tests.Mesh;

/// <summary>The istioctl analyze messages Istio gives for Gateway API objects (k8sgateway/workloadselector.go, virtualservice/gateways.go).</summary>
public sealed class GatewayApiAnalysisTests
{
    private const string K8sGateway = """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"name":"bookinfo-gateway","namespace":"NS"},"spec":{"gatewayClassName":"istio","listeners":[{"name":"http","port":80,"protocol":"HTTP","hostname":"bookinfo.example.com"}]}}""";

    private readonly MeshAnalyzer _analyzer = new(new IstioValidator());

    private static JsonObject GatewayPod() =>
        Bookinfo.Pod("bookinfo-gateway-istio", "v1", sidecar: false, name: "bookinfo-gateway-istio-abc", extraLabel: "gateway.networking.k8s.io/gateway-name=bookinfo-gateway");

    [Fact]
    public void A_policy_selecting_a_gateway_api_gateways_pod_is_reported_as_an_ineffective_selector()
    {
        var policy = Bookinfo.Config("""{"kind":"AuthorizationPolicy","metadata":{"name":"gw-deny","namespace":"NS"},"spec":{"selector":{"matchLabels":{"gateway.networking.k8s.io/gateway-name":"bookinfo-gateway"}},"action":"DENY","rules":[{}]}}""");

        var messages = _analyzer.Analyze(Bookinfo.Snapshot([Bookinfo.Config(K8sGateway), policy], [], GatewayPod()));

        var message = Assert.Single(messages, m => m.Code == "IST0166");
        Assert.Equal("IneffectiveSelector", message.Name);
        Assert.Equal(AnalysisLevel.Warning, message.Level);
        Assert.Equal("AuthorizationPolicy learn-alice/gw-deny", message.Resource);
        Assert.Equal("Ineffective selector on Kubernetes Gateway bookinfo-gateway. Use the TargetRef field instead.", message.Message);
    }

    [Fact]
    public void A_policy_attached_through_target_ref_is_not_reported()
    {
        var policy = Bookinfo.Config("""{"kind":"AuthorizationPolicy","metadata":{"name":"gw-deny","namespace":"NS"},"spec":{"targetRef":{"group":"gateway.networking.k8s.io","kind":"Gateway","name":"bookinfo-gateway"},"action":"DENY","rules":[{}]}}""");

        var messages = _analyzer.Analyze(Bookinfo.Snapshot([Bookinfo.Config(K8sGateway), policy], [], GatewayPod()));

        Assert.DoesNotContain(messages, m => m.Code == "IST0166");
    }

    [Fact]
    public void A_virtual_service_bound_to_a_gateway_api_gateway_finds_it()
    {
        var vs = Bookinfo.Config("""{"kind":"VirtualService","metadata":{"name":"bookinfo","namespace":"NS"},"spec":{"hosts":["bookinfo.example.com"],"gateways":["bookinfo-gateway"],"http":[{"route":[{"destination":{"host":"productpage"}}]}]}}""");

        var messages = _analyzer.Analyze(Bookinfo.Snapshot(Bookinfo.Config(K8sGateway), vs));

        Assert.DoesNotContain(messages, m => m.Code is "IST0101" or "IST0132");
    }

    [Fact]
    public void A_virtual_service_host_no_gateway_api_listener_serves_is_reported()
    {
        var vs = Bookinfo.Config("""{"kind":"VirtualService","metadata":{"name":"bookinfo","namespace":"NS"},"spec":{"hosts":["shop.example.com"],"gateways":["bookinfo-gateway"],"http":[{"route":[{"destination":{"host":"productpage"}}]}]}}""");

        var messages = _analyzer.Analyze(Bookinfo.Snapshot(Bookinfo.Config(K8sGateway), vs));

        var message = Assert.Single(messages, m => m.Code == "IST0132");
        Assert.Equal("one or more host [shop.example.com] defined in VirtualService learn-alice/bookinfo not found in Gateway learn-alice/bookinfo-gateway.", message.Message);
    }

    [Fact]
    public void Gateway_api_objects_get_no_schema_findings_from_analyze()
    {
        var route = Bookinfo.Config("""{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"NS"},"spec":{"rules":[{"backendRefs":[{"name":"reviews"}]}]}}""");

        var messages = _analyzer.Analyze(Bookinfo.Snapshot(route));

        Assert.DoesNotContain(messages, m => m.Code is "IST0106" or "IST0133");
    }
}
