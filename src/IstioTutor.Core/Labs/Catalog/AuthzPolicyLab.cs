using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Let only productpage's identity read reviews, and only with GET.</summary>
public sealed class AuthzPolicyLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "authz-policy",
        Stage.Intermediate,
        7,
        CoreForPromotion: true,
        new("Only productpage may read reviews", "reviews 는 productpage 만 읽기"),
        new("Allow GET requests to reviews from productpage's service account (bookinfo-productpage) and deny everything else that reaches reviews.", "productpage 서비스 계정(bookinfo-productpage)에서 온 GET 요청만 reviews 에 허용하고 나머지는 모두 거부하세요."),
        [
            new("Write an AuthorizationPolicy reviews-viewer with selector app: reviews and action ALLOW.", "selector app: reviews, action ALLOW 인 AuthorizationPolicy reviews-viewer 를 씁니다."),
            new("One rule: from source principals cluster.local/ns/<your namespace>/sa/bookinfo-productpage, to operation methods [GET].", "규칙 하나: from source principals cluster.local/ns/<내 네임스페이스>/sa/bookinfo-productpage, to operation methods [GET]."),
        ],
        [
            new("Once any ALLOW policy selects a workload, requests that match none of its rules are denied with 403.", "ALLOW 정책이 워크로드를 선택하면, 어느 규칙에도 맞지 않는 요청은 403으로 거부됩니다."),
            new("An empty rule {} matches every request, so it allows everyone.", "빈 규칙 {} 은 모든 요청에 맞아 모두를 허용합니다."),
            new("A principal is cluster.local/ns/NAMESPACE/sa/SERVICEACCOUNT; productpage runs as bookinfo-productpage.", "principal 은 cluster.local/ns/NAMESPACE/sa/SERVICEACCOUNT 이며 productpage 는 bookinfo-productpage 로 실행됩니다."),
        ],
        ["AuthorizationPolicy"],
        [
            """
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
              - from:
                - source:
                    principals:
                    - cluster.local/ns/{{namespace}}/sa/bookinfo-productpage
                to:
                - operation:
                    methods:
                    - GET
            """,
        ]);

    public void Check(LabContext context, LabFindings findings)
    {
        var allowed = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 20 });
        var otherCaller = context.Simulate(new SimulationRequest("reviews") { Source = "ratings", Requests = 20 });
        var post = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 20, Method = "POST" });
        findings.Expect(
            allowed is not null && allowed.CountOf(200) == allowed.Requests,
            ("productpage can GET reviews.", "productpage 가 reviews 를 GET 할 수 있습니다."),
            ($"productpage's GET requests to reviews are refused ({allowed?.CountOf(403)} × 403).", $"productpage 의 reviews GET 요청이 거부됩니다(403 × {allowed?.CountOf(403)})."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));
        findings.Expect(
            otherCaller is not null && otherCaller.CountOf(403) == otherCaller.Requests,
            ("Another workload (ratings) is denied with 403.", "다른 워크로드(ratings)는 403으로 거부됩니다."),
            ($"ratings can still call reviews ({otherCaller?.CountOf(200)} of {otherCaller?.Requests} succeed).", $"ratings 가 여전히 reviews 를 호출할 수 있습니다({otherCaller?.Requests}개 중 {otherCaller?.CountOf(200)}개 성공)."),
            (Definition.Hints[0].En + " " + Definition.Hints[1].En, Definition.Hints[0].Ko + " " + Definition.Hints[1].Ko));
        findings.Expect(
            post is not null && post.CountOf(403) == post.Requests,
            ("POST from productpage is denied: only GET is allowed.", "productpage 의 POST 는 거부됩니다. GET 만 허용됩니다."),
            ("productpage can POST to reviews; restrict the rule to methods [GET].", "productpage 가 reviews 에 POST 할 수 있습니다. 규칙을 methods [GET] 으로 제한하세요."),
            (Definition.Steps[1].En, Definition.Steps[1].Ko));
    }
}
