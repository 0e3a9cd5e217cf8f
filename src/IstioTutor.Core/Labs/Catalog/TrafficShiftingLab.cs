using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>A canary in two steps: 50/50 between reviews v1 and v3, then all traffic to v3.</summary>
public sealed class TrafficShiftingLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "traffic-shifting",
        Stage.Intermediate,
        2,
        CoreForPromotion: true,
        new("Shift traffic from reviews v1 to v3", "reviews v1 에서 v3 로 트래픽 옮기기"),
        new("Move reviews traffic to v3 as a canary: first split 50/50 between v1 and v3, then send 100% to v3.", "reviews 트래픽을 카나리로 v3에 옮기세요: 먼저 v1과 v3에 50/50으로 나눈 뒤 v3에 100%를 보냅니다."),
        [
            new("Define the reviews subsets in a DestinationRule.", "DestinationRule에 reviews 서브셋을 정의합니다."),
            new("Apply a VirtualService for reviews with two weighted destinations: v1 weight 50, v3 weight 50. Confirm, and /simulate reviews.", "reviews VirtualService에 v1 weight 50, v3 weight 50 의 두 목적지를 두고 적용·확인한 뒤 /simulate reviews 를 봅니다."),
            new("Apply the VirtualService again with v3 weight 100, confirm, then /check traffic-shifting.", "v3 weight 100 으로 다시 적용·확인한 뒤 /check traffic-shifting 을 실행합니다."),
        ],
        [
            new("Weights are per route destination and should add up to 100.", "weight 는 라우트 목적지마다 주며 합이 100이 되어야 합니다."),
            new("The check looks at your history too: the 50/50 step must have been applied before the 100% step.", "체크는 적용 기록도 봅니다. 50/50 단계가 100% 단계보다 먼저 적용되어야 합니다."),
            new("The final route is - destination: {host: reviews, subset: v3} with weight: 100.", "최종 라우트는 - destination: {host: reviews, subset: v3}, weight: 100 입니다."),
        ],
        ["DestinationRule", "VirtualService"],
        [
            ReviewsSubsets.Yaml + "\n" + """
            ---
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
            """,
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
                    subset: v3
                  weight: 100
            """,
        ])
    {
        GatewayApi = new(
            "With the Gateway API the weights sit on an HTTPRoute's backendRefs: parentRef the reviews Service, backendRefs reviews-v1 weight 50 and reviews-v3 weight 50, then reviews-v3 alone. " + GammaReviewsRoute.VersionServicesEn,
            "Gateway API 에서는 HTTPRoute 의 backendRefs 에 weight 를 둡니다. parentRef 는 reviews Service, backendRefs 는 reviews-v1 weight 50 과 reviews-v3 weight 50, 그다음 reviews-v3 하나입니다. " + GammaReviewsRoute.VersionServicesKo),
        GatewayApiSolution =
        [
            GammaReviewsRoute.Head + """
              - backendRefs:
                - name: reviews-v1
                  port: 9080
                  weight: 50
                - name: reviews-v3
                  port: 9080
                  weight: 50
            """,
            GammaReviewsRoute.Head + """
              - backendRefs:
                - name: reviews-v3
                  port: 9080
                  weight: 100
            """,
        ],
    };

    public void Check(LabContext context, LabFindings findings)
    {
        var halfway = context.History.Any(change => change.Steps.Any(s => s.After is { } after && (s.Kind.Kind == "VirtualService" ? IsFiftyFifty(after) : s.Kind.Kind == "HTTPRoute" && IsFiftyFiftyRoute(after))));
        findings.Expect(
            halfway,
            ("You applied the 50/50 v1/v3 canary step.", "50/50 v1/v3 카나리 단계를 적용했습니다."),
            ("Your history has no 50/50 split between reviews v1 and v3: a canary moves in steps.", "적용 기록에 reviews v1/v3 50/50 분할이 없습니다. 카나리는 단계적으로 옮깁니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));

        var report = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 400 });
        if (report is null)
        {
            findings.Fail("reviews could not be simulated.", "reviews 를 시뮬레이션할 수 없습니다.", Definition.Hints[2].En, Definition.Hints[2].Ko);
            return;
        }

        findings.Expect(
            report.ToVersion("v3") == report.Requests && report.CountOf(200) == report.Requests,
            ("All simulated requests now reach reviews v3.", "시뮬레이션한 요청이 이제 모두 reviews v3에 도달합니다."),
            ($"Only {report.ToVersion("v3")} of {report.Requests} simulated requests reach v3 ({RequestRoutingLab.Versions(report)}); finish the shift with 100% to v3.", $"시뮬레이션한 요청 {report.Requests}개 중 {report.ToVersion("v3")}개만 v3에 도달합니다({RequestRoutingLab.Versions(report, korean: true)}). v3에 100%를 보내 마무리하세요."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));
    }

    /// <summary>An HTTPRoute step splitting 50/50 between the reviews-v1 and reviews-v3 Services.</summary>
    private static bool IsFiftyFiftyRoute(JsonObject route)
    {
        var refs = (route["spec"]?["rules"] as JsonArray ?? []).OfType<JsonObject>().LastOrDefault()?["backendRefs"] as JsonArray ?? [];
        int Weight(string service) => refs.OfType<JsonObject>().Where(b => JsonFields.Str(b["name"]) == service).Sum(b => JsonFields.AnyInt(b["weight"]) ?? 1);
        return Weight("reviews-v1") == 50 && Weight("reviews-v3") == 50;
    }

    private static bool IsFiftyFifty(JsonObject vs)
    {
        if ((JsonFields.Str(vs["spec"]?["hosts"]?[0]) ?? "").Split('.')[0] != "reviews")
        {
            return false;
        }

        var route = (vs["spec"]?["http"] as JsonArray ?? []).OfType<JsonObject>().LastOrDefault()?["route"] as JsonArray ?? [];
        int Weight(string subset) => route.OfType<JsonObject>().Where(d => JsonFields.Str(d["destination"]?["subset"]) == subset).Sum(d => JsonFields.AnyInt(d["weight"]) ?? 0);
        return Weight("v1") == 50 && Weight("v3") == 50;
    }
}
