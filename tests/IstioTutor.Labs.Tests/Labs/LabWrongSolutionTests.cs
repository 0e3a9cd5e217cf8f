using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Catalog;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Labs.Tests.Fixtures;

namespace IstioTutor.Labs.Tests.Labs;

[Collection(TutorHostCollection.Name)]
public sealed class LabWrongSolutionTests(TutorHostFixture host)
{
    /// <summary>A typical mistake per lab and the finding it must produce.</summary>
    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "bookinfo-gateway", "No Gateway selects the ingress gateway", Edited(new BookinfoGatewayLab(), 0, "istio: ingressgateway", "istio: ingress") },
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
        { "request-routing", "reached v2 0 of", Edited(new RequestRoutingLab(), 0, "subset: v2", "subset: v3") },
        // Stopping after the canary step: the 50/50 manifest is applied, the 100% step never is.
        { "traffic-shifting", "finish the shift with 100% to v3", new TrafficShiftingLab().Definition.ReferenceSolution[0] },
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
        { "mtls-strict", "is not STRICT", Edited(new MtlsStrictLab(), 0, "mode: STRICT", "mode: PERMISSIVE") },
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
        { "egress-serviceentry", "location is MESH_INTERNAL", Edited(new EgressServiceEntryLab(), 0, "location: MESH_EXTERNAL", "location: MESH_INTERNAL") },
        { "egress-serviceentry", "Only 0 of 20 simulated requests from productpage to httpbin.org were answered 200", Edited(new EgressServiceEntryLab(), 0, "resolution: DNS", "resolution: STATIC") },
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
        { "envoyfilter-header", "selects no pod", Edited(new EnvoyFilterHeaderLab(), 0, "app: productpage", "app: product-page") },
        { "wasm-plugin", "matches no pod", Edited(new WasmPluginLab(), 0, "app: productpage", "app: reviewz") },
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

    /// <summary>
    /// A lab's reference manifest with one mistake made in it, so the wrong solution differs from the right
    /// one by exactly that edit and follows the reference when it changes.
    /// </summary>
    private static string Edited(ILab lab, int step, string right, string wrong)
    {
        var reference = lab.Definition.ReferenceSolution[step];
        var at = reference.IndexOf(right, StringComparison.Ordinal);
        if (at < 0 || reference.IndexOf(right, at + right.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{right}' must occur exactly once in step {step} of {lab.Definition.Id}'s reference solution.");
        }

        return reference[..at] + wrong + reference[(at + right.Length)..];
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Typical_wrong_solution_fails_check_with_the_specific_finding(string labId, string expectedFinding, string manifest)
    {
        var learner = TutorHostFixture.NewLearner("wrong");
        await host.ApplyAndConfirmAsync(learner, manifest.Replace(LabDefinition.NamespaceToken, LearnerIds.NamespaceOf(learner), StringComparison.Ordinal));

        var result = await host.SendAsync(learner, "/check " + labId);

        Assert.NotNull(result.Check);
        Assert.False(result.Check!.Passed, result.Text);
        Assert.Contains(result.Check.Findings, f => !f.Ok && (f.Message.Contains(expectedFinding, StringComparison.Ordinal) || (f.Hint ?? "").Contains(expectedFinding, StringComparison.Ordinal)));
        Assert.All(result.Check.Findings.Where(f => !f.Ok), f => Assert.False(string.IsNullOrWhiteSpace(f.Hint)));
    }

    [Fact]
    public async Task Check_text_says_no_workload_was_reached_instead_of_an_empty_list()
    {
        // v9 is no subset of reviews, so no request reaches any workload.
        var learner = TutorHostFixture.NewLearner("none");
        await host.ApplyAndConfirmAsync(learner, Edited(new RequestRoutingLab(), 0, "subset: v2", "subset: v9").Replace(LabDefinition.NamespaceToken, LearnerIds.NamespaceOf(learner), StringComparison.Ordinal));

        var result = await host.SendAsync(learner, "/check request-routing");

        var finding = Assert.Single(result.Check!.Findings, f => !f.Ok && f.Message.Contains("end-user: jason", StringComparison.Ordinal));
        Assert.Contains("(no workload reached; status 503×200)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(;", result.Text, StringComparison.Ordinal);
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
