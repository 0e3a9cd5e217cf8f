using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Trip a circuit breaker on details with connection-pool limits and outlier detection.</summary>
public sealed class CircuitBreakingLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "circuit-breaking",
        Stage.Intermediate,
        5,
        CoreForPromotion: true,
        new("Circuit breaking for details", "details 서킷 브레이커"),
        new("Protect details from overload: allow 1 connection and 1 pending request, so concurrent bursts overflow with 503 instead of queueing, and eject a pod after consecutive 5xx errors.", "details를 과부하에서 보호하세요: 연결 1개, 대기 요청 1개만 허용해 동시 폭주가 줄을 서지 않고 503으로 넘치게 하고, 연속 5xx 뒤 파드를 제외합니다."),
        [
            new("Write a DestinationRule for details with trafficPolicy.connectionPool: tcp.maxConnections 1, http.http1MaxPendingRequests 1, http.maxRequestsPerConnection 1.", "details DestinationRule에 trafficPolicy.connectionPool (tcp.maxConnections 1, http.http1MaxPendingRequests 1, http.maxRequestsPerConnection 1)을 씁니다."),
            new("Add outlierDetection: consecutive5xxErrors 1, interval 1s, baseEjectionTime 3m, maxEjectionPercent 100.", "outlierDetection (consecutive5xxErrors 1, interval 1s, baseEjectionTime 3m, maxEjectionPercent 100)을 더합니다."),
            new("/simulate details with concurrency 10 and look for 503 UO (upstream overflow).", "/simulate 로 details 에 동시성 10을 주고 503 UO(upstream overflow)를 찾아봅니다."),
        ],
        [
            new("connectionPool and outlierDetection both sit under spec.trafficPolicy.", "connectionPool 과 outlierDetection 은 모두 spec.trafficPolicy 아래에 둡니다."),
            new("With only 1 connection and 1 pending request allowed, 10 requests in flight overflow: Envoy answers 503 with flag UO.", "연결 1개·대기 1개만 허용하면 동시에 10개가 오면 넘칩니다. Envoy는 UO 플래그와 함께 503을 답합니다."),
            new("outlierDetection needs consecutive5xxErrors (or consecutiveGatewayErrors) to eject anything.", "outlierDetection 은 consecutive5xxErrors(또는 consecutiveGatewayErrors)가 있어야 제외합니다."),
        ],
        ["DestinationRule"],
        [
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: details
            spec:
              host: details
              trafficPolicy:
                connectionPool:
                  tcp:
                    maxConnections: 1
                  http:
                    http1MaxPendingRequests: 1
                    maxRequestsPerConnection: 1
                outlierDetection:
                  consecutive5xxErrors: 1
                  interval: 1s
                  baseEjectionTime: 3m
                  maxEjectionPercent: 100
            """,
        ]);

    public void Check(LabContext context, LabFindings findings)
    {
        var rules = Routing.DestinationRulesFor(context, "details");
        var rule = rules.Count > 0 ? rules[0] : null;
        if (!findings.Expect(
            rule is not null,
            ($"DestinationRule {JsonFields.Name(rule)} applies to details.", $"DestinationRule {JsonFields.Name(rule)}가 details에 적용됩니다."),
            ("No DestinationRule has host details.", "host 가 details 인 DestinationRule이 없습니다."),
            (Definition.Steps[0].En, Definition.Steps[0].Ko)))
        {
            return;
        }

        var outlier = rule!["spec"]?["trafficPolicy"]?["outlierDetection"];
        findings.Expect(
            outlier?["consecutive5xxErrors"] is not null || outlier?["consecutiveGatewayErrors"] is not null,
            ("Outlier detection ejects pods after consecutive errors.", "연속 오류 뒤 파드를 제외하는 outlierDetection 이 있습니다."),
            ("There is no outlierDetection with consecutive5xxErrors, so a failing pod is never ejected.", "consecutive5xxErrors 가 있는 outlierDetection 이 없어 실패하는 파드가 제외되지 않습니다."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));

        var burst = context.Simulate(new SimulationRequest("details") { Source = "productpage", Requests = 100, Concurrency = 10 });
        var overflow = burst?.ResponseFlags.GetValueOrDefault("UO") ?? 0;
        findings.Expect(
            burst is not null && overflow > 0 && burst.CountOf(200) > 0,
            ($"At concurrency 10, {overflow} of {burst?.Requests} requests overflow with 503 UO while the rest succeed: the breaker trips.", $"동시성 10에서 {burst?.Requests}개 중 {overflow}개가 503 UO로 넘치고 나머지는 성공합니다. 브레이커가 동작합니다."),
            ("At concurrency 10 no request overflows: the connection pool does not limit details.", "동시성 10에서도 넘치는 요청이 없습니다. 연결 풀이 details를 제한하지 않습니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
    }
}
