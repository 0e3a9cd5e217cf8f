using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Route the user jason to reviews v2 by the end-user header, everyone else to v1.</summary>
public sealed class RequestRoutingLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "request-routing",
        Stage.Intermediate,
        1,
        CoreForPromotion: true,
        new("Route by user: jason sees reviews v2", "사용자별 라우팅: jason 은 reviews v2"),
        new("Requests carrying the header end-user: jason go to reviews v2; every other request goes to reviews v1.", "end-user: jason 헤더가 있는 요청은 reviews v2로, 나머지는 모두 reviews v1로 보내세요."),
        [
            new("Define subsets v1, v2, v3 of reviews in a DestinationRule (by the version label).", "DestinationRule에 reviews의 v1, v2, v3 서브셋을 version 레이블로 정의합니다."),
            new("Write a VirtualService for reviews: first an http rule matching headers end-user exact jason → subset v2, then a rule without match → subset v1.", "reviews VirtualService에 먼저 headers end-user exact jason → v2 규칙, 그다음 match 없는 규칙 → v1 을 씁니다."),
        ],
        [
            new("Rules are evaluated top to bottom and the first match wins: put the jason rule first.", "규칙은 위에서부터 평가되고 처음 맞는 규칙이 이깁니다. jason 규칙을 먼저 두세요."),
            new("A subset in a route must exist in a DestinationRule for the same host, or requests fail with 503.", "라우트의 서브셋은 같은 호스트의 DestinationRule에 있어야 합니다. 없으면 503이 납니다."),
            new("The header match is: match: - headers: {end-user: {exact: jason}}.", "헤더 매치는 match: - headers: {end-user: {exact: jason}} 입니다."),
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
              - match:
                - headers:
                    end-user:
                      exact: jason
                route:
                - destination:
                    host: reviews
                    subset: v2
              - route:
                - destination:
                    host: reviews
                    subset: v1
            """,
        ])
    {
        GatewayApi = new(
            "An HTTPRoute whose parentRef is the reviews Service (GAMMA) can do the same: a rule matching the header end-user: jason with backendRef reviews-v2, then a rule without matches with backendRef reviews-v1. " + GammaReviewsRoute.VersionServicesEn,
            "reviews Service 를 parentRef 로 둔 HTTPRoute(GAMMA)로도 같은 일을 합니다. 헤더 end-user: jason 을 매치하는 규칙은 backendRef reviews-v2, 매치 없는 규칙은 reviews-v1 입니다. " + GammaReviewsRoute.VersionServicesKo),
        GatewayApiSolution =
        [
            GammaReviewsRoute.Head + """
              - matches:
                - headers:
                  - name: end-user
                    value: jason
                backendRefs:
                - name: reviews-v2
                  port: 9080
              - backendRefs:
                - name: reviews-v1
                  port: 9080
            """,
        ],
    };

    public void Check(LabContext context, LabFindings findings)
    {
        var problems = context.Problems("VirtualService", "DestinationRule", "HTTPRoute");
        findings.Expect(
            problems.Count == 0,
            ("istioctl analyze finds no problem with your routing.", "istioctl analyze 가 라우팅에서 문제를 찾지 못했습니다."),
            ("Analysis reports: " + string.Join(" | ", problems), "분석 결과: " + string.Join(" | ", problems)),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));

        var others = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 200 });
        var jason = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 200, Headers = new Dictionary<string, string> { ["end-user"] = "jason" } });
        if (others is null || jason is null)
        {
            findings.Fail("reviews could not be simulated.", "reviews 를 시뮬레이션할 수 없습니다.", "Check that the VirtualService host is reviews.", "VirtualService 호스트가 reviews 인지 확인하세요.");
            return;
        }

        findings.Expect(
            jason.ToVersion("v2") == jason.Requests && jason.CountOf(200) == jason.Requests,
            ("Every request with end-user: jason reached reviews v2.", "end-user: jason 요청이 모두 reviews v2에 도달했습니다."),
            ($"Requests with end-user: jason reached v2 {jason.ToVersion("v2")} of {jason.Requests} times ({Versions(jason)}).", $"end-user: jason 요청이 {jason.Requests}번 중 {jason.ToVersion("v2")}번만 v2에 도달했습니다({Versions(jason, korean: true)})."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));
        findings.Expect(
            others.ToVersion("v1") == others.Requests && others.CountOf(200) == others.Requests,
            ("Every other request reached reviews v1.", "나머지 요청은 모두 reviews v1에 도달했습니다."),
            ($"Requests without the header reached v1 {others.ToVersion("v1")} of {others.Requests} times ({Versions(others)}).", $"헤더 없는 요청이 {others.Requests}번 중 {others.ToVersion("v1")}번만 v1에 도달했습니다({Versions(others, korean: true)})."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
    }

    /// <summary>"v1: 150, v2: 50", then any non-200 statuses; says so when no workload was reached at all.</summary>
    internal static string Versions(SimulationReport report, bool korean = false)
    {
        var reached = report.Destinations.Where(d => d.Count > 0).GroupBy(d => d.Version ?? "?").Select(g => $"{g.Key}: {g.Sum(d => d.Count)}").ToList();
        var parts = new List<string> { reached.Count > 0 ? string.Join(", ", reached) : korean ? "어떤 워크로드에도 도달하지 못함" : "no workload reached" };
        if (report.StatusCodes.Keys.Any(k => k != 200))
        {
            parts.Add("status " + string.Join(", ", report.StatusCodes.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        }

        return string.Join("; ", parts);
    }
}
