using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Inject a 7 s delay into ratings for jason and abort 10% of everyone else's ratings calls with HTTP 500.</summary>
public sealed class FaultInjectionLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "fault-injection",
        Stage.Intermediate,
        3,
        CoreForPromotion: true,
        new("Inject delays and aborts into ratings", "ratings 에 지연과 중단 주입하기"),
        new("Test resilience without touching code: delay jason's calls to ratings by 7 s, and abort 10% of all other ratings calls with HTTP 500.", "코드를 건드리지 않고 복원력을 시험하세요: jason의 ratings 호출은 7초 지연, 나머지 ratings 호출의 10%는 HTTP 500으로 중단합니다."),
        [
            new("Define subset v1 of ratings in a DestinationRule.", "DestinationRule에 ratings의 v1 서브셋을 정의합니다."),
            new("Write a VirtualService for ratings: a rule matching end-user: jason with fault.delay (fixedDelay 7s, percentage 100), then a default rule with fault.abort (httpStatus 500, percentage 10); both route to subset v1.", "ratings VirtualService에 end-user: jason 규칙(fault.delay fixedDelay 7s, percentage 100)과 기본 규칙(fault.abort httpStatus 500, percentage 10)을 두고 둘 다 v1으로 보냅니다."),
        ],
        [
            new("Faults go inside an http rule, beside route: fault: {delay: {fixedDelay: 7s, percentage: {value: 100}}}.", "fault 는 http 규칙 안 route 옆에 둡니다: fault: {delay: {fixedDelay: 7s, percentage: {value: 100}}}."),
            new("percentage.value is a percent (10 means 10%), not a fraction.", "percentage.value 는 백분율입니다(10은 10%)."),
            new("Only jason should be delayed: the delay belongs to the rule that matches the end-user header.", "jason 만 지연되어야 합니다. 지연은 end-user 헤더가 맞는 규칙에 둡니다."),
        ],
        ["DestinationRule", "VirtualService"],
        [
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: ratings
            spec:
              host: ratings
              subsets:
              - name: v1
                labels:
                  version: v1
            ---
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
                    subset: v1
              - fault:
                  abort:
                    percentage:
                      value: 10
                    httpStatus: 500
                route:
                - destination:
                    host: ratings
                    subset: v1
            """,
        ])
    {
        GatewayApi = new(
            "The Gateway API has no fault injection: HTTPRoute has no filter for delays or aborts, so Istio has nothing to convert into Envoy's fault filter. Do this lab with a VirtualService; it can sit beside HTTPRoutes that route other hosts.",
            "Gateway API 에는 장애 주입이 없습니다. HTTPRoute 에 지연·중단 필터가 없어 Istio 가 Envoy 의 fault 필터로 바꿀 것이 없습니다. 이 실습은 VirtualService 로 하세요. 다른 호스트를 라우팅하는 HTTPRoute 와 함께 둘 수 있습니다."),
    };

    public void Check(LabContext context, LabFindings findings)
    {
        var jason = context.Simulate(new SimulationRequest("ratings") { Source = "reviews", Requests = 100, Headers = new Dictionary<string, string> { ["end-user"] = "jason" } });
        var others = context.Simulate(new SimulationRequest("ratings") { Source = "reviews", Requests = 1000 });
        if (jason is null || others is null)
        {
            findings.Fail("ratings could not be simulated.", "ratings 를 시뮬레이션할 수 없습니다.", Definition.Hints[0].En, Definition.Hints[0].Ko);
            return;
        }

        findings.Expect(
            jason.Latency.P50 >= 6900,
            ($"jason's ratings calls are delayed (median {jason.Latency.P50:0} ms).", $"jason의 ratings 호출이 지연됩니다(중앙값 {jason.Latency.P50:0} ms)."),
            ($"jason's ratings calls are not delayed by 7 s (median {jason.Latency.P50:0} ms).", $"jason의 ratings 호출이 7초 지연되지 않습니다(중앙값 {jason.Latency.P50:0} ms)."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
        findings.Expect(
            others.Latency.P50 < 1000,
            ("Other users are not delayed.", "다른 사용자는 지연되지 않습니다."),
            ($"Requests without end-user: jason are delayed too (median {others.Latency.P50:0} ms).", $"end-user: jason 이 아닌 요청도 지연됩니다(중앙값 {others.Latency.P50:0} ms)."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));
        var aborted = Routing.Share(others.CountOf(500), others.Requests);
        findings.Expect(
            aborted is >= 0.05 and <= 0.15,
            ($"About {aborted:P0} of other ratings calls are aborted with 500.", $"다른 ratings 호출의 약 {aborted:P0}가 500으로 중단됩니다."),
            ($"{aborted:P0} of other ratings calls get HTTP 500; the goal is about 10%.", $"다른 ratings 호출의 {aborted:P0}가 HTTP 500을 받습니다. 목표는 약 10%입니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
    }
}
