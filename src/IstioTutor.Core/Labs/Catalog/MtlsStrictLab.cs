using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Require mutual TLS for every workload in the namespace with one namespace-wide PeerAuthentication.</summary>
public sealed class MtlsStrictLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "mtls-strict",
        Stage.Intermediate,
        6,
        CoreForPromotion: true,
        new("Namespace-wide STRICT mTLS", "네임스페이스 전체 STRICT mTLS"),
        new("Make every workload in your namespace accept only mutual TLS: plaintext from clients without a sidecar is refused, while mesh traffic keeps working.", "네임스페이스의 모든 워크로드가 mTLS만 받게 하세요. 사이드카 없는 클라이언트의 평문은 거부되고 메시 트래픽은 계속 동작해야 합니다."),
        [
            new("Write a PeerAuthentication named default in your namespace, with no selector, and mtls.mode STRICT.", "네임스페이스에 selector 없이 mtls.mode STRICT 인 PeerAuthentication default 를 씁니다."),
            new("/simulate productpage from a client without a sidecar, then from a sidecar, and compare.", "사이드카 없는 클라이언트와 사이드카에서 /simulate productpage 를 비교합니다."),
        ],
        [
            new("A PeerAuthentication without a selector applies to the whole namespace; with a selector it applies only to matching pods.", "selector 없는 PeerAuthentication 은 네임스페이스 전체에, selector 가 있으면 맞는 파드에만 적용됩니다."),
            new("PERMISSIVE accepts both plaintext and mTLS; STRICT accepts mTLS only.", "PERMISSIVE 는 평문과 mTLS 를 모두 받고, STRICT 는 mTLS 만 받습니다."),
            new("The spec is: mtls: {mode: STRICT}.", "spec 은 mtls: {mode: STRICT} 입니다."),
        ],
        ["PeerAuthentication"],
        [
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
            spec:
              mtls:
                mode: STRICT
            """,
        ]);

    public void Check(LabContext context, LabFindings findings)
    {
        var wide = context.Config("PeerAuthentication").Where(p => p["spec"]?["selector"] is null).ToList();
        var strict = wide.Any(p => JsonFields.Str(p["spec"]?["mtls"]?["mode"]) == "STRICT");
        findings.Expect(
            strict,
            ("A namespace-wide PeerAuthentication sets mTLS to STRICT.", "네임스페이스 전체 PeerAuthentication 이 mTLS 를 STRICT 로 둡니다."),
            (wide.Count == 0 ? "No PeerAuthentication without a selector exists, so nothing applies namespace-wide." : "The namespace-wide PeerAuthentication is not STRICT.", wide.Count == 0 ? "selector 없는 PeerAuthentication 이 없어 네임스페이스 전체에 적용되는 것이 없습니다." : "네임스페이스 전체 PeerAuthentication 이 STRICT 가 아닙니다."),
            (Definition.Hints[0].En + " " + Definition.Hints[2].En, Definition.Hints[0].Ko + " " + Definition.Hints[2].Ko));

        var plaintext = context.Simulate(new SimulationRequest("productpage") { SourceHasSidecar = false, Requests = 20 });
        var mesh = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 20 });
        findings.Expect(
            plaintext is not null && plaintext.CountOf(200) == 0,
            ("Plaintext from a client without a sidecar is refused (connection reset).", "사이드카 없는 클라이언트의 평문이 거부됩니다(연결 재설정)."),
            ($"A client without a sidecar still gets {plaintext?.CountOf(200)} of {plaintext?.Requests} plaintext requests through.", $"사이드카 없는 클라이언트의 평문 요청 {plaintext?.Requests}개 중 {plaintext?.CountOf(200)}개가 여전히 통과합니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
        findings.Expect(
            mesh is not null && mesh.CountOf(200) == mesh.Requests,
            ("Sidecar-to-sidecar traffic (productpage → reviews) still succeeds over mTLS.", "사이드카 간 트래픽(productpage → reviews)은 mTLS 로 계속 성공합니다."),
            ("Mesh traffic productpage → reviews now fails; check DestinationRule tls settings.", "메시 트래픽 productpage → reviews 가 실패합니다. DestinationRule 의 tls 설정을 확인하세요."),
            ("Remove tls.mode DISABLE or SIMPLE from DestinationRules for in-mesh hosts.", "메시 안 호스트의 DestinationRule 에서 tls.mode DISABLE/SIMPLE 을 지우세요."));
    }
}
