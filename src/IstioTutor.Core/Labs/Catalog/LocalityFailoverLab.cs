using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Locality failover for reviews: localityLbSetting plus the outlier detection failover depends on.</summary>
public sealed class LocalityFailoverLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "locality-failover",
        Stage.Advanced,
        3,
        CoreForPromotion: false,
        new("Locality failover for reviews", "reviews 의 로컬리티 페일오버"),
        new("Keep reviews traffic in the caller's region and fail over to another region when local endpoints fail: a DestinationRule with localityLbSetting (failover from us-east to us-west) and outlier detection.", "reviews 트래픽을 호출자 리전에 두고 로컬 엔드포인트가 실패하면 다른 리전으로 넘기세요: localityLbSetting(us-east → us-west 페일오버)과 이상치 감지를 가진 DestinationRule."),
        [
            new("Write a DestinationRule for reviews with trafficPolicy.loadBalancer.localityLbSetting: {enabled: true, failover: [{from: us-east, to: us-west}]}.", "reviews DestinationRule에 trafficPolicy.loadBalancer.localityLbSetting: {enabled: true, failover: [{from: us-east, to: us-west}]} 을 씁니다."),
            new("Add trafficPolicy.outlierDetection: consecutive5xxErrors 1, interval 1s, baseEjectionTime 1m.", "trafficPolicy.outlierDetection: consecutive5xxErrors 1, interval 1s, baseEjectionTime 1m 을 더합니다."),
        ],
        [
            new("Locality failover only happens when unhealthy endpoints are detected: without outlierDetection Istio never fails over.", "로컬리티 페일오버는 비정상 엔드포인트를 감지할 때만 일어납니다. outlierDetection 이 없으면 넘기지 않습니다."),
            new("Regions are the topology.kubernetes.io/region labels of the nodes; failover lists from/to region pairs.", "리전은 노드의 topology.kubernetes.io/region 레이블이며 failover 는 from/to 쌍입니다."),
            new("localityLbSetting sits under trafficPolicy.loadBalancer, beside simple or consistentHash.", "localityLbSetting 은 trafficPolicy.loadBalancer 아래에 simple/consistentHash 와 나란히 둡니다."),
        ],
        ["DestinationRule"],
        [
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews-failover
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  localityLbSetting:
                    enabled: true
                    failover:
                    - from: us-east
                      to: us-west
                outlierDetection:
                  consecutive5xxErrors: 1
                  interval: 1s
                  baseEjectionTime: 1m
            """,
        ],
        new("The sandbox's pods carry no regions, so failover between regions was not simulated: the check verified the failover settings and simulated what they rely on — outlier detection moving traffic off a failing endpoint.", "샌드박스 파드에는 리전이 없어 리전 간 페일오버는 시뮬레이션하지 않았습니다. 페일오버 설정을 확인하고, 그것이 기대는 이상치 감지가 실패하는 엔드포인트에서 트래픽을 옮기는 것을 시뮬레이션했습니다."));

    public void Check(LabContext context, LabFindings findings)
    {
        var rules = Routing.DestinationRulesFor(context, "reviews");
        var withLocality = rules.FirstOrDefault(r => r["spec"]?["trafficPolicy"]?["loadBalancer"]?["localityLbSetting"] is JsonObject);
        if (!findings.Expect(
            withLocality is not null,
            ($"DestinationRule {JsonFields.Name(withLocality)} sets localityLbSetting for reviews.", $"DestinationRule {JsonFields.Name(withLocality)}가 reviews 에 localityLbSetting 을 둡니다."),
            ("No DestinationRule for reviews has trafficPolicy.loadBalancer.localityLbSetting.", "reviews DestinationRule 에 trafficPolicy.loadBalancer.localityLbSetting 이 없습니다."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko)))
        {
            return;
        }

        var policy = withLocality!["spec"]!["trafficPolicy"]!;
        var locality = policy["loadBalancer"]!["localityLbSetting"]!;
        var failover = (locality["failover"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        findings.Expect(
            locality["enabled"]?.ToString() != "false" && failover.Any(f => JsonFields.Str(f["from"]) == "us-east" && JsonFields.Str(f["to"]) == "us-west"),
            ("Failover from us-east to us-west is configured.", "us-east 에서 us-west 로의 페일오버가 설정되어 있습니다."),
            ("localityLbSetting has no enabled failover from us-east to us-west.", "localityLbSetting 에 us-east → us-west 페일오버가 없거나 꺼져 있습니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
        var outlier = policy["outlierDetection"];
        if (!findings.Expect(
            outlier?["consecutive5xxErrors"] is not null || outlier?["consecutiveGatewayErrors"] is not null,
            ("Outlier detection is on, so failover can trigger.", "이상치 감지가 켜져 있어 페일오버가 일어날 수 있습니다."),
            ("There is no outlierDetection with consecutive5xxErrors: Istio never fails over without it.", "consecutive5xxErrors 가 있는 outlierDetection 이 없습니다. 이것 없이는 페일오버가 일어나지 않습니다."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko)))
        {
            return;
        }

        var report = context.Simulate(new SimulationRequest("reviews")
        {
            Source = "productpage",
            Requests = 300,
            Behaviours = new Dictionary<string, WorkloadBehaviour> { ["reviews/v1"] = new(FailureRate: 1.0) },
        });
        var ok = report is null ? 0 : Routing.Share(report.CountOf(200), report.Requests);
        findings.Expect(
            ok >= 0.9,
            ($"With reviews v1 failing every request, {ok:P0} still succeed: the failing endpoint is ejected.", $"reviews v1 이 모든 요청에 실패해도 {ok:P0}가 성공합니다. 실패한 엔드포인트가 제외됩니다."),
            ($"With reviews v1 failing every request, only {ok:P0} succeed: the failing endpoint keeps receiving traffic.", $"reviews v1 이 모든 요청에 실패할 때 {ok:P0}만 성공합니다. 실패한 엔드포인트가 계속 트래픽을 받습니다."),
            (Definition.Steps[1].En, Definition.Steps[1].Ko));
    }
}
