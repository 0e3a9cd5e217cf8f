using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Retry reviews' transient 503s and cap how long productpage waits for reviews.</summary>
public sealed class TimeoutsRetriesLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "timeouts-retries",
        Stage.Intermediate,
        4,
        CoreForPromotion: true,
        new("Timeouts and retries for reviews", "reviews 의 타임아웃과 재시도"),
        new("Make productpage's calls to reviews resilient: retry 5xx failures up to 3 times with a 300 ms per-try timeout, and give up on the whole call after 1 s.", "productpage의 reviews 호출을 견고하게: 5xx 실패를 300ms 시도별 타임아웃으로 최대 3번 재시도하고, 전체 호출은 1초 뒤 포기합니다."),
        [
            new("Write a VirtualService for reviews with one http rule routing to host reviews.", "reviews 로 보내는 http 규칙 하나를 가진 VirtualService를 씁니다."),
            new("Add timeout: 1s and retries: {attempts: 3, perTryTimeout: 300ms, retryOn: 5xx,connect-failure} to that rule.", "그 규칙에 timeout: 1s 와 retries: {attempts: 3, perTryTimeout: 300ms, retryOn: 5xx,connect-failure} 를 넣습니다."),
        ],
        [
            new("Retries hide transient failures: a pod failing 30% of the time fails only 0.3⁴ ≈ 1% with 3 retries.", "재시도는 일시적 실패를 가립니다. 30% 실패하는 파드도 3번 재시도하면 0.3⁴ ≈ 1%만 실패합니다."),
            new("Without a route timeout a slow reviews holds productpage for as long as it takes; set timeout on the rule.", "라우트 timeout 이 없으면 느린 reviews 가 productpage를 계속 붙잡습니다. 규칙에 timeout 을 두세요."),
            new("retryOn takes Envoy's conditions separated by commas, e.g. 5xx,connect-failure,reset.", "retryOn 에는 쉼표로 구분한 Envoy 조건을 씁니다(예: 5xx,connect-failure,reset)."),
        ],
        ["VirtualService"],
        [
            """
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
                timeout: 1s
                retries:
                  attempts: 3
                  perTryTimeout: 300ms
                  retryOn: 5xx,connect-failure
            """,
        ])
    {
        GatewayApi = new(
            "An HTTPRoute on the reviews Service can cap the call with timeouts.request: 1s; with a retry block (attempts: 3, codes: [500, 502, 503, 504]) Istio uses timeouts.backendRequest: 300ms as the per-try timeout. retry is in the Gateway API's experimental channel, which Istio supports.",
            "reviews Service 에 붙인 HTTPRoute 의 timeouts.request: 1s 로 호출을 제한합니다. retry 블록(attempts: 3, codes: [500, 502, 503, 504])이 있으면 Istio 는 timeouts.backendRequest: 300ms 를 시도별 타임아웃으로 씁니다. retry 는 Gateway API 의 실험 채널 기능이며 Istio 가 지원합니다."),
        GatewayApiSolution =
        [
            GammaReviewsRoute.Head + """
              - backendRefs:
                - name: reviews
                  port: 9080
                timeouts:
                  request: 1s
                  backendRequest: 300ms
                retry:
                  attempts: 3
                  codes: [500, 502, 503, 504]
            """,
        ],
    };

    public void Check(LabContext context, LabFindings findings)
    {
        var flaky = context.Simulate(new SimulationRequest("reviews")
        {
            Source = "productpage",
            Requests = 400,
            Behaviours = new Dictionary<string, WorkloadBehaviour> { ["reviews"] = new(FailureRate: 0.3) },
        });
        var slow = context.Simulate(new SimulationRequest("reviews")
        {
            Source = "productpage",
            Requests = 50,
            Behaviours = new Dictionary<string, WorkloadBehaviour> { ["reviews"] = new(ExtraLatencyMs: 5000) },
        });
        if (flaky is null || slow is null)
        {
            findings.Fail("reviews could not be simulated.", "reviews 를 시뮬레이션할 수 없습니다.", Definition.Steps[0].En, Definition.Steps[0].Ko);
            return;
        }

        var ok = Routing.Share(flaky.CountOf(200), flaky.Requests);
        findings.Expect(
            ok >= 0.95,
            ($"With reviews failing 30% of requests, {ok:P0} still succeed thanks to retries.", $"reviews가 30% 실패해도 재시도 덕분에 {ok:P0}가 성공합니다."),
            ($"With reviews failing 30% of requests, only {ok:P0} succeed: retries are missing or do not cover 503.", $"reviews가 30% 실패할 때 {ok:P0}만 성공합니다. 재시도가 없거나 503을 다루지 않습니다."),
            (Definition.Hints[0].En + " " + Definition.Hints[2].En, Definition.Hints[0].Ko + " " + Definition.Hints[2].Ko));
        findings.Expect(
            slow.Latency.Max <= 1100,
            ($"When reviews takes 5 s, productpage gives up after {slow.Latency.Max:0} ms.", $"reviews가 5초 걸릴 때 productpage는 {slow.Latency.Max:0} ms 뒤 포기합니다."),
            ($"When reviews takes 5 s, productpage waits up to {slow.Latency.Max:0} ms: the call is not capped at 1 s.", $"reviews가 5초 걸릴 때 productpage가 최대 {slow.Latency.Max:0} ms 기다립니다. 1초로 제한되지 않았습니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
    }
}
