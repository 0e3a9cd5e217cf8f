using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Validation;

namespace IstioTutor.Core.Tests.Mesh;

public sealed class MeshAnalyzerTests
{
    private readonly MeshAnalyzer _analyzer = new(new IstioValidator());

    private IReadOnlyList<AnalysisMessage> Analyze(params string[] config) =>
        _analyzer.Analyze(Bookinfo.Snapshot([.. config.Select(Bookinfo.Config)], []));

    [Fact]
    public void The_seeded_app_with_subsets_and_a_routing_rule_is_clean()
    {
        var messages = Analyze(Bookinfo.ReviewsSubsets, """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews","subset":"v1"}}]}]}}""");

        Assert.Empty(messages);
    }

    public static TheoryData<string, string, string, string> Findings => new()
    {
        {
            """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews","subset":"v4"}}]}]}}""",
            "IST0101", "VirtualService learn-alice/reviews", "Referenced host+subset in destinationrule not found: \"reviews+v4\""
        },
        {
            """{"kind":"VirtualService","metadata":{"name":"shop","namespace":"NS"},"spec":{"hosts":["shop"],"http":[{"route":[{"destination":{"host":"shop"}}]}]}}""",
            "IST0101", "VirtualService learn-alice/shop", "Referenced host not found: \"shop\""
        },
        {
            """{"kind":"VirtualService","metadata":{"name":"bookinfo","namespace":"NS"},"spec":{"hosts":["*"],"gateways":["bookinfo-gateway"],"http":[{"route":[{"destination":{"host":"productpage"}}]}]}}""",
            "IST0101", "VirtualService learn-alice/bookinfo", "Referenced gateway not found: \"bookinfo-gateway\""
        },
        {
            """{"kind":"Gateway","metadata":{"name":"gw","namespace":"NS"},"spec":{"selector":{"istio":"egress"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}}""",
            "IST0101", "Gateway learn-alice/gw", "Referenced selector not found: \"istio=egress\""
        },
        {
            """{"kind":"DestinationRule","metadata":{"name":"shop","namespace":"NS"},"spec":{"host":"shop"}}""",
            "IST0174", "DestinationRule learn-alice/shop", "The host shop defined in the DestinationRule does not match any services in the mesh."
        },
        {
            """{"kind":"DestinationRule","metadata":{"name":"reviews","namespace":"NS"},"spec":{"host":"reviews","subsets":[{"name":"v9","labels":{"version":"v9"}}]}}""",
            "IST0173", "DestinationRule learn-alice/reviews", "The Subset v9 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream)."
        },
        {
            """{"kind":"AuthorizationPolicy","metadata":{"name":"deny-shop","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"shop"}},"action":"DENY","rules":[{}]}}""",
            "IST0127", "AuthorizationPolicy learn-alice/deny-shop", "No matching workloads for this resource with the following labels: app=shop"
        },
        {
            """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"}}]},{"match":[{"uri":{"prefix":"/x"}}],"route":[{"destination":{"host":"reviews"}}]}]}}""",
            "IST0130", "VirtualService learn-alice/reviews", "VirtualService rule #1 not used (route without matches defined before)."
        },
        {
            """{"kind":"ServiceEntry","metadata":{"name":"db","namespace":"NS"},"spec":{"hosts":["db.example.com"],"ports":[{"number":5432,"name":"tcp","protocol":"TCP"}],"resolution":"DNS"}}""",
            "IST0134", "ServiceEntry learn-alice/db", "ServiceEntry addresses are required for this protocol."
        },
        {
            """{"kind":"DestinationRule","metadata":{"name":"ext","namespace":"NS"},"spec":{"host":"reviews","trafficPolicy":{"tls":{"mode":"SIMPLE"}}}}""",
            "IST0128", "DestinationRule learn-alice/ext", "DestinationRule ext in namespace learn-alice has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: reviews"
        },
        {
            """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"},"weight":-5}]}]}}""",
            "IST0106", "VirtualService learn-alice/reviews", "Schema validation error: spec.http[0].route[0].weight: weight -5 < 0"
        },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void Each_misconfiguration_is_reported_with_its_IST_code(string config, string code, string resource, string message)
    {
        var messages = Analyze(config);

        Assert.Contains(messages, m => m.Code == code && m.Resource == resource && m.Message == message);
    }

    [Fact]
    public void Two_mesh_VirtualServices_for_one_host_conflict()
    {
        var messages = Analyze(
            """{"kind":"VirtualService","metadata":{"name":"reviews-a","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"}}]}]}}""",
            """{"kind":"VirtualService","metadata":{"name":"reviews-b","namespace":"NS"},"spec":{"hosts":["reviews.learn-alice.svc.cluster.local"],"http":[{"route":[{"destination":{"host":"reviews"}}]}]}}""");

        Assert.Equal(2, messages.Count(m => m.Code == "IST0109"));
        Assert.Contains(messages, m => m.Message.StartsWith("The VirtualServices learn-alice/reviews-a,learn-alice/reviews-b associated with mesh gateway define the same host reviews.learn-alice.svc.cluster.local", StringComparison.Ordinal));
    }

    [Fact]
    public void DestinationRule_disabling_TLS_against_STRICT_PeerAuthentication_is_a_conflict()
    {
        var messages = Analyze(
            """{"kind":"PeerAuthentication","metadata":{"name":"default","namespace":"NS"},"spec":{"mtls":{"mode":"STRICT"}}}""",
            """{"kind":"DestinationRule","metadata":{"name":"ratings","namespace":"NS"},"spec":{"host":"ratings","trafficPolicy":{"tls":{"mode":"DISABLE"}}}}""");

        var conflict = Assert.Single(messages, m => m.Code == "IST0113");
        Assert.Equal(AnalysisLevel.Error, conflict.Level);
        Assert.Equal("DestinationRule learn-alice/ratings", conflict.Resource);
    }

    [Fact]
    public void A_gateway_bound_VirtualService_whose_hosts_the_gateway_does_not_serve_is_warned()
    {
        var messages = Analyze(
            """{"kind":"Gateway","metadata":{"name":"gw","namespace":"NS"},"spec":{"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["shop.example.com"]}]}}""",
            """{"kind":"VirtualService","metadata":{"name":"bookinfo","namespace":"NS"},"spec":{"hosts":["bookinfo.example.com"],"gateways":["gw"],"http":[{"route":[{"destination":{"host":"productpage"}}]}]}}""");

        Assert.Contains(messages, m => m.Code == "IST0132" && m.Message == "one or more host [bookinfo.example.com] defined in VirtualService learn-alice/bookinfo not found in Gateway learn-alice/gw.");
    }

    [Fact]
    public void Messages_print_like_istioctl()
    {
        var message = Analyze("""{"kind":"DestinationRule","metadata":{"name":"shop","namespace":"NS"},"spec":{"host":"shop"}}""").Single();

        Assert.Equal("Warning [IST0174] (DestinationRule learn-alice/shop) The host shop defined in the DestinationRule does not match any services in the mesh.", message.ToString());
    }

    [Fact]
    public void A_Gateway_selecting_the_root_namespace_ingress_gateway_selects_a_workload()
    {
        var messages = Analyze("""{"kind":"Gateway","metadata":{"name":"bookinfo-gateway","namespace":"NS"},"spec":{"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}}""");

        Assert.DoesNotContain(messages, m => m.Code == "IST0101");
    }

    [Fact]
    public void A_root_namespace_pod_does_not_satisfy_a_learner_policy_selector()
    {
        var messages = Analyze("""{"kind":"AuthorizationPolicy","metadata":{"name":"gw","namespace":"NS"},"spec":{"selector":{"matchLabels":{"istio":"ingressgateway"}},"action":"DENY","rules":[{}]}}""");

        Assert.Contains(messages, m => m.Code == "IST0127" && m.Resource == "AuthorizationPolicy learn-alice/gw");
    }

    [Fact]
    public void A_VirtualService_for_an_external_host_registered_by_a_ServiceEntry_is_not_reported_missing()
    {
        var messages = Analyze(
            """{"kind":"ServiceEntry","metadata":{"name":"httpbin-ext","namespace":"NS"},"spec":{"hosts":["httpbin.org"],"ports":[{"number":80,"name":"http","protocol":"HTTP"}],"resolution":"DNS","location":"MESH_EXTERNAL"}}""",
            """{"kind":"VirtualService","metadata":{"name":"httpbin","namespace":"NS"},"spec":{"hosts":["httpbin.org"],"http":[{"timeout":"3s","route":[{"destination":{"host":"httpbin.org"}}]}]}}""");

        Assert.DoesNotContain(messages, m => m.Code == "IST0101");
    }

    [Fact]
    public void A_dotted_host_is_not_qualified_so_a_namespace_dot_name_host_is_reported_missing()
    {
        var messages = Analyze("""{"kind":"DestinationRule","metadata":{"name":"reviews","namespace":"NS"},"spec":{"host":"reviews.learn-alice"}}""");

        Assert.Contains(messages, m => m.Code == "IST0174" && m.Resource == "DestinationRule learn-alice/reviews");
    }

    [Fact]
    public void IST0127_for_a_kind_istioctl_does_not_check_says_it_is_IstioTutors_own_check()
    {
        var messages = Analyze("""{"kind":"PeerAuthentication","metadata":{"name":"shop","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"shop"}},"mtls":{"mode":"STRICT"}}}""");

        var message = Assert.Single(messages, m => m.Code == "IST0127");
        Assert.Contains("IstioTutor's own check", message.Message, StringComparison.Ordinal);
        Assert.Contains("only for AuthorizationPolicy", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IST0127_for_an_AuthorizationPolicy_reads_as_istioctl_prints_it()
    {
        var messages = Analyze("""{"kind":"AuthorizationPolicy","metadata":{"name":"shop","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"shop"}},"action":"DENY","rules":[{}]}}""");

        var message = Assert.Single(messages, m => m.Code == "IST0127");
        Assert.DoesNotContain("IstioTutor", message.Message, StringComparison.Ordinal);
    }
}
