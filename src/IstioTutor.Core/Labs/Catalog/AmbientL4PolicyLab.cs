using System.Text.Json.Nodes;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Ambient mode without a waypoint: ztunnel enforces an L4 AuthorizationPolicy (identity and port) for reviews.</summary>
public sealed class AmbientL4PolicyLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "ambient-l4-policy",
        Stage.Advanced,
        4,
        CoreForPromotion: false,
        new("Ambient mode: an L4 policy enforced by ztunnel", "앰비언트 모드: ztunnel 이 지키는 L4 정책"),
        new(
            "Run your namespace in ambient mode (no sidecars) and let only productpage's identity open connections to reviews on port 9080; any other caller's connection is refused by ztunnel.",
            "네임스페이스를 앰비언트 모드(사이드카 없음)로 돌리고, productpage 의 ID 만 reviews 9080 포트에 연결하게 하세요. 다른 호출자의 연결은 ztunnel 이 거부합니다."),
        [
            new(
                "Put the namespace in ambient mode and turn injection off: kubectl label namespace <your namespace> istio.io/dataplane-mode=ambient istio-injection- , then kubectl rollout restart deployment -n <your namespace> so the pods come back without sidecars.",
                "네임스페이스를 앰비언트 모드로 바꾸고 주입을 끕니다: kubectl label namespace <내 네임스페이스> istio.io/dataplane-mode=ambient istio-injection- , 그다음 kubectl rollout restart deployment -n <내 네임스페이스> 로 파드를 사이드카 없이 다시 띄웁니다."),
            new(
                "Write an AuthorizationPolicy reviews-l4: selector app: reviews, action ALLOW, one rule from source principals cluster.local/ns/<your namespace>/sa/bookinfo-productpage to operation ports [\"9080\"].",
                "AuthorizationPolicy reviews-l4 를 씁니다: selector app: reviews, action ALLOW, 규칙 하나 — from source principals cluster.local/ns/<내 네임스페이스>/sa/bookinfo-productpage, to operation ports [\"9080\"]."),
            new("Apply it, confirm, then /simulate reviews --from ratings and /check ambient-l4-policy.", "적용·확인한 뒤 /simulate reviews --from ratings 와 /check ambient-l4-policy 를 실행합니다."),
        ],
        [
            new("ztunnel sees only L4: identities (principals, namespaces, service accounts), ports and IP blocks. Methods, paths and headers need a waypoint.", "ztunnel 은 L4 만 봅니다: ID(principals, namespaces, serviceAccounts), 포트, IP 블록. 메서드·경로·헤더에는 waypoint 가 필요합니다."),
            new("ztunnel drops an ALLOW rule that names an HTTP attribute (methods, paths, hosts...): that rule never matches, so even productpage is refused. istiod says so in the policy's ZtunnelAccepted condition.", "ztunnel 은 HTTP 속성(methods, paths, hosts...)을 쓴 ALLOW 규칙을 버립니다. 그 규칙은 맞지 않으므로 productpage 도 거부됩니다. istiod 는 정책의 ZtunnelAccepted 조건에 이를 적습니다."),
            new("A ztunnel denial closes the connection: curl sees a reset (exit 56), not a 403.", "ztunnel 의 거부는 연결을 끊습니다. curl 은 403 이 아니라 reset(종료 코드 56)을 봅니다."),
        ],
        ["AuthorizationPolicy"],
        [
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: reviews-l4
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
                    ports:
                    - "9080"
            """,
        ],
        AmbientLabs.Limits);

    public void Check(LabContext context, LabFindings findings)
    {
        var view = AmbientView.Of(context.Snapshot);
        if (!AmbientLabs.ExpectAmbient(context, findings, view, Definition.Steps[0]))
        {
            return;
        }

        var allowed = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 20 }, view.Snapshot, out _);
        var other = context.Simulate(new SimulationRequest("reviews") { Source = "ratings", Requests = 20 }, view.Snapshot, out _);
        var httpRules = AmbientLabs.HttpAttributesOnZtunnel(context, "reviews");
        findings.Expect(
            allowed is not null && allowed.CountOf(200) == allowed.Requests,
            ("productpage's connections to reviews are accepted by ztunnel (mTLS over HBONE).", "productpage 의 reviews 연결을 ztunnel 이 받아들입니다(HBONE 위 mTLS)."),
            ($"productpage's connections to reviews are refused ({allowed?.CountOf(0)} of {allowed?.Requests} reset){(httpRules.Count > 0 ? $": your policy uses HTTP attributes ({string.Join(", ", httpRules)}) that ztunnel cannot see" : "")}.", $"productpage 의 reviews 연결이 거부됩니다({allowed?.Requests}건 중 {allowed?.CountOf(0)}건 reset){(httpRules.Count > 0 ? $". 정책이 ztunnel 이 볼 수 없는 HTTP 속성({string.Join(", ", httpRules)})을 씁니다" : "")}."),
            httpRules.Count > 0 ? (Definition.Hints[1].En, Definition.Hints[1].Ko) : (Definition.Steps[1].En, Definition.Steps[1].Ko));
        findings.Expect(
            other is not null && other.CountOf(0) == other.Requests,
            ("ratings' connections to reviews are reset by ztunnel.", "ratings 의 reviews 연결은 ztunnel 이 끊습니다."),
            ($"ratings still reaches reviews ({other?.CountOf(200)} of {other?.Requests} answered 200): nothing at L4 keeps other identities out.", $"ratings 가 아직 reviews 에 닿습니다({other?.Requests}건 중 {other?.CountOf(200)}건 200). 다른 ID 를 L4 에서 막는 것이 없습니다."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
    }
}
