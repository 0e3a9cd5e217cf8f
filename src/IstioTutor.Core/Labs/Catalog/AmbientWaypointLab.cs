using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Ambient mode with a waypoint: an L7 AuthorizationPolicy bound to the reviews Service by targetRefs.</summary>
public sealed class AmbientWaypointLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "ambient-waypoint-l7",
        Stage.Advanced,
        5,
        CoreForPromotion: false,
        new("Ambient mode: an L7 policy in a waypoint", "앰비언트 모드: waypoint 의 L7 정책"),
        new(
            "In ambient mode, let productpage only GET reviews and refuse every other method and caller with 403: deploy a waypoint, send the namespace's Services through it, and bind an L7 AuthorizationPolicy to the reviews Service with targetRefs.",
            "앰비언트 모드에서 productpage 는 reviews 를 GET 만 하고, 다른 메서드와 호출자는 403 으로 거부하세요. waypoint 를 배포하고, 네임스페이스의 Service 트래픽을 그리로 보내고, targetRefs 로 reviews Service 에 L7 AuthorizationPolicy 를 붙입니다."),
        [
            new(
                "Put the namespace in ambient mode (if not yet): kubectl label namespace <your namespace> istio.io/dataplane-mode=ambient istio-injection- , then kubectl rollout restart deployment -n <your namespace>.",
                "네임스페이스를 앰비언트 모드로(아직이면): kubectl label namespace <내 네임스페이스> istio.io/dataplane-mode=ambient istio-injection- , 그다음 kubectl rollout restart deployment -n <내 네임스페이스>."),
            new(
                "Apply a Gateway API Gateway named waypoint: gatewayClassName istio-waypoint, label istio.io/waypoint-for: service, one listener (name mesh, port 15008, protocol HBONE) — what istioctl waypoint apply writes.",
                "Gateway API Gateway waypoint 를 적용합니다: gatewayClassName istio-waypoint, 레이블 istio.io/waypoint-for: service, 리스너 하나(name mesh, port 15008, protocol HBONE) — istioctl waypoint apply 가 쓰는 것과 같습니다."),
            new(
                "Send the namespace's Services through it: kubectl label namespace <your namespace> istio.io/use-waypoint=waypoint.",
                "네임스페이스의 Service 트래픽을 그리로 보냅니다: kubectl label namespace <내 네임스페이스> istio.io/use-waypoint=waypoint."),
            new(
                "Apply an AuthorizationPolicy reviews-viewer with targetRefs [{kind: Service, group: \"\", name: reviews}], action ALLOW, one rule from principals cluster.local/ns/<your namespace>/sa/bookinfo-productpage to methods [GET]; then /check ambient-waypoint-l7.",
                "AuthorizationPolicy reviews-viewer 를 적용합니다: targetRefs [{kind: Service, group: \"\", name: reviews}], action ALLOW, 규칙 하나 — from principals cluster.local/ns/<내 네임스페이스>/sa/bookinfo-productpage, to methods [GET]. 그다음 /check ambient-waypoint-l7."),
        ],
        [
            new("HTTP rules need a proxy that parses HTTP: in ambient mode that is the waypoint. A policy reaches a waypoint through targetRefs (the Service or the waypoint Gateway), never through a selector.", "HTTP 규칙에는 HTTP 를 해석하는 프록시가 필요하고, 앰비언트에서는 waypoint 입니다. 정책은 selector 가 아니라 targetRefs(Service 또는 waypoint Gateway)로 waypoint 에 닿습니다."),
            new("A selector policy with methods is enforced by ztunnel without its HTTP rules (istiod: ZtunnelAccepted, UnsupportedValue): its ALLOW rule never matches, and behind the waypoint ztunnel sees the waypoint's identity anyway.", "methods 를 쓴 selector 정책은 ztunnel 이 HTTP 규칙을 뺀 채 적용합니다(istiod: ZtunnelAccepted, UnsupportedValue). ALLOW 규칙은 맞지 않고, waypoint 뒤의 ztunnel 은 어차피 waypoint 의 ID 를 봅니다."),
            new("targetRefs to a Service only binds once the Service uses a waypoint (istio.io/use-waypoint on the Service or its namespace); otherwise istiod reports WaypointAccepted=False, AncestorNotBound (IST0171).", "Service 로의 targetRefs 는 그 Service 가 waypoint 를 쓸 때(Service 나 네임스페이스의 istio.io/use-waypoint)만 묶입니다. 아니면 istiod 가 WaypointAccepted=False, AncestorNotBound(IST0171)를 보고합니다."),
        ],
        ["Gateway", "AuthorizationPolicy"],
        [
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: waypoint
              labels:
                istio.io/waypoint-for: service
            spec:
              gatewayClassName: istio-waypoint
              listeners:
              - name: mesh
                port: 15008
                protocol: HBONE
            """,
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: reviews-viewer
            spec:
              targetRefs:
              - kind: Service
                group: ""
                name: reviews
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
        ],
        AmbientLabs.Limits);

    public void Check(LabContext context, LabFindings findings)
    {
        var view = AmbientView.Of(context.Snapshot);
        if (!AmbientLabs.ExpectAmbient(context, findings, view, Definition.Steps[0]))
        {
            return;
        }

        var model = MeshModel.From(view.Snapshot);
        var ambient = new AmbientMesh(model);
        var waypoints = ambient.Waypoints.Where(w => w.Namespace == context.Namespace).ToList();
        if (!findings.Expect(
            waypoints.Count > 0,
            ($"Waypoint {string.Join(", ", waypoints.Select(w => w.Name))} (class istio-waypoint) is deployed.", $"waypoint {string.Join(", ", waypoints.Select(w => w.Name))}(클래스 istio-waypoint)가 배포되었습니다."),
            ("No Gateway of class istio-waypoint exists in your namespace.", "네임스페이스에 istio-waypoint 클래스의 Gateway 가 없습니다."),
            (Definition.Steps[1].En, Definition.Steps[1].Ko)))
        {
            return;
        }

        var reviews = model.Services.FirstOrDefault(s => s.Namespace == context.Namespace && s.Name == "reviews");
        var waypoint = reviews is null ? null : ambient.WaypointFor(reviews, out _);
        if (!findings.Expect(
            waypoint is not null,
            ($"reviews' traffic goes through waypoint {waypoint?.Name}.", $"reviews 트래픽이 waypoint {waypoint?.Name}를 거칩니다."),
            ("reviews does not use a waypoint: neither the Service nor the namespace is labelled istio.io/use-waypoint with your waypoint's name.", "reviews 가 waypoint 를 쓰지 않습니다. Service 에도 네임스페이스에도 waypoint 이름의 istio.io/use-waypoint 레이블이 없습니다."),
            (Definition.Steps[2].En.Replace("<your namespace>", context.Namespace, StringComparison.Ordinal), Definition.Steps[2].Ko.Replace("<내 네임스페이스>", context.Namespace, StringComparison.Ordinal))))
        {
            return;
        }

        var get = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 20 }, view.Snapshot, out _);
        var delete = context.Simulate(new SimulationRequest("reviews") { Source = "productpage", Requests = 20, Method = "DELETE" }, view.Snapshot, out _);
        var other = context.Simulate(new SimulationRequest("reviews") { Source = "ratings", Requests = 20 }, view.Snapshot, out _);
        var httpOnZtunnel = AmbientLabs.HttpAttributesOnZtunnel(context, "reviews");
        findings.Expect(
            get is not null && get.CountOf(200) == get.Requests,
            ("productpage can GET reviews through the waypoint.", "productpage 가 waypoint 를 거쳐 reviews 를 GET 할 수 있습니다."),
            ($"productpage's GET requests to reviews fail ({Statuses(get)}){(httpOnZtunnel.Count > 0 ? $": a selector policy on reviews uses HTTP attributes ({string.Join(", ", httpOnZtunnel)}) that ztunnel cannot enforce" : "")}.", $"productpage 의 reviews GET 요청이 실패합니다({Statuses(get)}){(httpOnZtunnel.Count > 0 ? $". reviews 의 selector 정책이 ztunnel 이 지킬 수 없는 HTTP 속성({string.Join(", ", httpOnZtunnel)})을 씁니다" : "")}."),
            httpOnZtunnel.Count > 0 ? (Definition.Hints[1].En, Definition.Hints[1].Ko) : (Definition.Hints[2].En, Definition.Hints[2].Ko));
        findings.Expect(
            delete is not null && delete.CountOf(403) == delete.Requests,
            ("The waypoint refuses productpage's DELETE with 403.", "waypoint 가 productpage 의 DELETE 를 403 으로 거부합니다."),
            ($"productpage's DELETE requests are not refused by the waypoint ({Statuses(delete)}): no L7 rule bound to reviews limits the method.", $"productpage 의 DELETE 요청을 waypoint 가 거부하지 않습니다({Statuses(delete)}). reviews 에 묶인 L7 규칙이 메서드를 제한하지 않습니다."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
        findings.Expect(
            other is not null && other.CountOf(403) == other.Requests,
            ("The waypoint refuses ratings with 403.", "waypoint 가 ratings 를 403 으로 거부합니다."),
            ($"ratings' requests to reviews are not refused with 403 ({Statuses(other)}).", $"ratings 의 reviews 요청이 403 으로 거부되지 않습니다({Statuses(other)})."),
            (Definition.Steps[3].En, Definition.Steps[3].Ko));
    }

    private static string Statuses(SimulationReport? report) =>
        report is null ? "not simulated" : string.Join(", ", report.StatusCodes.OrderBy(c => c.Key).Select(c => $"{c.Value}× {(c.Key == 0 ? "reset" : c.Key)}"));
}
