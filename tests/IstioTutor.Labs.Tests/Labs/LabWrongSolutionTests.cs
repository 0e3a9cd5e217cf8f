using IstioTutor.Labs.Tests.Fixtures;

namespace IstioTutor.Labs.Tests.Labs;

[Collection(TutorHostCollection.Name)]
public sealed class LabWrongSolutionTests(TutorHostFixture host)
{
    private const string ReviewsSubsets = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels:
              version: v1
          - name: v2
            labels:
              version: v2
          - name: v3
            labels:
              version: v3
        """;

    /// <summary>A typical mistake per lab and the finding it must produce.</summary>
    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "bookinfo-gateway", "No Gateway selects the ingress gateway", """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: bookinfo-gateway
            spec:
              selector:
                istio: ingress
              servers:
              - port:
                  number: 80
                  name: http
                  protocol: HTTP
                hosts:
                - "*"
            """ },
        { "bookinfo-gateway", "Only 0 of 50 simulated GET /productpage requests", """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: bookinfo-gateway
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port:
                  number: 80
                  name: http
                  protocol: HTTP
                hosts:
                - "*"
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: bookinfo
            spec:
              hosts:
              - "*"
              gateways:
              - bookinfo-gateway
              http:
              - match:
                - uri:
                    exact: /productpage
                  method:
                    exact: POST
                route:
                - destination:
                    host: productpage
                    port:
                      number: 9080
            """ },
        { "request-routing", "reached v2 0 of", ReviewsSubsets + "\n---\n" + """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts:
              - reviews
              http:
              - match:
                - headers:
                    end-user:
                      exact: jason
                route:
                - destination:
                    host: reviews
                    subset: v3
              - route:
                - destination:
                    host: reviews
                    subset: v1
            """ },
        { "traffic-shifting", "finish the shift with 100% to v3", ReviewsSubsets + "\n---\n" + """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                    subset: v1
                  weight: 50
                - destination:
                    host: reviews
                    subset: v3
                  weight: 50
            """ },
        { "fault-injection", "the goal is about 10%", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: ratings
            spec:
              hosts:
              - ratings
              http:
              - match:
                - headers:
                    end-user:
                      exact: jason
                fault:
                  delay:
                    percentage:
                      value: 100
                    fixedDelay: 7s
                route:
                - destination:
                    host: ratings
              - fault:
                  abort:
                    percentage:
                      value: 100
                    httpStatus: 500
                route:
                - destination:
                    host: ratings
            """ },
        { "timeouts-retries", "not capped at 1 s", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                retries:
                  attempts: 3
                  retryOn: 5xx
            """ },
        { "circuit-breaking", "no request overflows", """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: details
            spec:
              host: details
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 1
                  interval: 1s
                  baseEjectionTime: 3m
            """ },
        { "mtls-strict", "is not STRICT", """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
            spec:
              mtls:
                mode: PERMISSIVE
            """ },
        { "authz-policy", "ratings can still call reviews", """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: reviews-viewer
            spec:
              selector:
                matchLabels:
                  app: reviews
              action: ALLOW
              rules:
              - {}
            """ },
        { "jwt-auth", "Requests without a token still get through", """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata:
              name: jwt-example
            spec:
              selector:
                matchLabels:
                  app: productpage
              jwtRules:
              - issuer: testing@secure.istio.io
                jwksUri: https://raw.githubusercontent.com/istio/istio/release-1.24/security/tools/jwt/samples/jwks.json
            """ },
        { "egress-serviceentry", "location is MESH_INTERNAL", """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: httpbin-ext
            spec:
              hosts:
              - httpbin.org
              ports:
              - number: 80
                name: http
                protocol: HTTP
              resolution: DNS
              location: MESH_INTERNAL
            """ },
        { "egress-serviceentry", "Only 0 of 20 simulated requests from productpage to httpbin.org were answered 200", """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: httpbin-ext
            spec:
              hosts:
              - httpbin.org
              ports:
              - number: 80
                name: http
                protocol: HTTP
              resolution: STATIC
              location: MESH_EXTERNAL
            """ },
        { "telemetry-access-logs", "disabled: true", """
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata:
              name: namespace-logs
            spec:
              accessLogging:
              - providers:
                - name: envoy
                disabled: true
            """ },
        { "envoyfilter-header", "selects no pod", """
            apiVersion: networking.istio.io/v1alpha3
            kind: EnvoyFilter
            metadata:
              name: productpage-header
            spec:
              workloadSelector:
                labels:
                  app: product-page
              configPatches:
              - applyTo: HTTP_FILTER
                match:
                  context: SIDECAR_INBOUND
                patch:
                  operation: INSERT_BEFORE
                  value:
                    name: envoy.filters.http.lua
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                      inlineCode: |
                        function envoy_on_response(handle)
                          handle:headers():add("x-istiotutor", "hello")
                        end
            """ },
        { "wasm-plugin", "matches no pod", """
            apiVersion: extensions.istio.io/v1alpha1
            kind: WasmPlugin
            metadata:
              name: basic-auth
            spec:
              selector:
                matchLabels:
                  app: reviewz
              url: oci://ghcr.io/istio-ecosystem/wasm-extensions/basic_auth:1.12.0
              phase: AUTHN
            """ },
        { "locality-failover", "Istio never fails over without it", """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews-failover
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    enabled: true
                    failover:
                    - from: us-east
                      to: us-west
            """ },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Typical_wrong_solution_fails_check_with_the_specific_finding(string labId, string expectedFinding, string manifest)
    {
        var learner = TutorHostFixture.NewLearner("wrong");
        await host.ApplyAndConfirmAsync(learner, manifest);

        var result = await host.SendAsync(learner, "/check " + labId);

        Assert.NotNull(result.Check);
        Assert.False(result.Check!.Passed, result.Text);
        Assert.Contains(result.Check.Findings, f => !f.Ok && (f.Message.Contains(expectedFinding, StringComparison.Ordinal) || (f.Hint ?? "").Contains(expectedFinding, StringComparison.Ordinal)));
        Assert.All(result.Check.Findings.Where(f => !f.Ok), f => Assert.False(string.IsNullOrWhiteSpace(f.Hint)));
    }

    [Fact]
    public async Task Check_of_an_empty_sandbox_fails_and_says_what_is_missing()
    {
        var result = await host.SendAsync(TutorHostFixture.NewLearner("empty"), "/check request-routing");

        Assert.False(result.Check!.Passed);
        Assert.Contains(result.Check.Findings, f => !f.Ok);
    }

    [Fact]
    public async Task Check_of_an_unknown_lab_says_so()
    {
        var result = await host.SendAsync(TutorHostFixture.NewLearner("unknown"), "/check no-such-lab");

        Assert.Null(result.Check);
        Assert.Contains("no lab 'no-such-lab'", result.Text, StringComparison.Ordinal);
    }
}
