using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Register an external HTTP service (httpbin.org) in the mesh with a ServiceEntry.</summary>
public sealed class EgressServiceEntryLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "egress-serviceentry",
        Stage.Intermediate,
        9,
        CoreForPromotion: false,
        new("Reach an external service with a ServiceEntry", "ServiceEntry 로 외부 서비스 호출하기"),
        new("Add httpbin.org (HTTP on port 80, outside the mesh) to the mesh's service registry, so sidecars route to it and policies can apply.", "httpbin.org (메시 밖, 포트 80 HTTP)를 메시 서비스 레지스트리에 추가해 사이드카가 라우팅하고 정책을 적용할 수 있게 하세요."),
        [
            new("Write a ServiceEntry httpbin-ext with hosts [httpbin.org], ports [{number: 80, name: http, protocol: HTTP}], resolution DNS, location MESH_EXTERNAL.", "hosts [httpbin.org], ports [{number: 80, name: http, protocol: HTTP}], resolution DNS, location MESH_EXTERNAL 인 ServiceEntry httpbin-ext 를 씁니다."),
            new("/simulate httpbin.org from productpage to see the mesh now knows the host.", "productpage 에서 /simulate httpbin.org 로 메시가 호스트를 아는지 봅니다."),
        ],
        [
            new("With outboundTrafficPolicy REGISTRY_ONLY, sidecars refuse hosts that are not in the registry; a ServiceEntry adds them.", "outboundTrafficPolicy REGISTRY_ONLY 에서는 레지스트리에 없는 호스트를 거부합니다. ServiceEntry 가 추가합니다."),
            new("location MESH_EXTERNAL says the service runs outside the mesh (no sidecar, no mTLS).", "location MESH_EXTERNAL 은 서비스가 메시 밖에서 돈다는 뜻입니다(사이드카·mTLS 없음)."),
            new("hosts must be exactly httpbin.org; resolution DNS lets Envoy resolve it.", "hosts 는 정확히 httpbin.org 여야 하고 resolution DNS 로 Envoy가 해석합니다."),
        ],
        ["ServiceEntry"],
        [
            """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: httpbin-ext
            spec:
              hosts:
              - httpbin.org
              ports:
              - number: 80
                name: http
                protocol: HTTP
              resolution: DNS
              location: MESH_EXTERNAL
            """,
        ],
        new("The simulated cluster has no internet and does not model outboundTrafficPolicy: it simulated 20 requests from productpage to httpbin.org through your ServiceEntry (the external host is assumed to answer), not a real response from httpbin.org.", "시뮬레이션 클러스터에는 인터넷이 없고 outboundTrafficPolicy 도 모델링하지 않습니다. ServiceEntry 를 거쳐 productpage 에서 httpbin.org 로 20건을 시뮬레이션했을 뿐(외부 호스트는 응답한다고 가정), httpbin.org 의 실제 응답은 아닙니다."));

    public void Check(LabContext context, LabFindings findings)
    {
        var entries = context.Config("ServiceEntry").Where(e => (e["spec"]?["hosts"] as System.Text.Json.Nodes.JsonArray ?? []).Any(h => JsonFields.Str(h) == "httpbin.org")).ToList();
        if (!findings.Expect(
            entries.Count > 0,
            ($"ServiceEntry {JsonFields.Name(entries.FirstOrDefault())} registers httpbin.org.", $"ServiceEntry {JsonFields.Name(entries.FirstOrDefault())}가 httpbin.org 를 등록합니다."),
            ("No ServiceEntry has host httpbin.org.", "host 가 httpbin.org 인 ServiceEntry 가 없습니다."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko)))
        {
            return;
        }

        var entry = entries[0]["spec"]!;
        findings.Expect(
            JsonFields.Str(entry["location"]) == "MESH_EXTERNAL",
            ("It is marked MESH_EXTERNAL.", "MESH_EXTERNAL 로 표시되어 있습니다."),
            ($"location is {JsonFields.Str(entry["location"]) ?? "unset (MESH_EXTERNAL is not the default for every tool; say it)"}; httpbin.org runs outside the mesh.", $"location 이 {JsonFields.Str(entry["location"]) ?? "비어 있습니다"}. httpbin.org 는 메시 밖에 있습니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
        findings.Expect(
            (entry["ports"] as System.Text.Json.Nodes.JsonArray ?? []).Any(p => JsonFields.AnyInt(p?["number"]) == 80 && JsonFields.Str(p?["protocol"]) == "HTTP"),
            ("Port 80 is declared as HTTP.", "포트 80이 HTTP로 선언되어 있습니다."),
            ("Port 80 with protocol HTTP is missing, so the sidecar cannot apply HTTP routing to it.", "프로토콜 HTTP 인 포트 80이 없어 사이드카가 HTTP 라우팅을 적용할 수 없습니다."),
            (Definition.Steps[0].En, Definition.Steps[0].Ko));
        // Simulated, not just looked up: the request must find the ServiceEntry host and an endpoint behind it.
        var report = context.Simulate(new SimulationRequest("httpbin.org") { Source = "productpage", Requests = 20, Path = "/get" }, out var error);
        var answered = report?.CountOf(200) ?? 0;
        var statuses = report is null ? "" : string.Join(", ", report.StatusCodes.OrderBy(c => c.Key).Select(c => $"{c.Value}× {c.Key}"));
        findings.Expect(
            report is not null && answered == report.Requests,
            ("A simulated request from productpage to httpbin.org goes through your ServiceEntry to the external host (20 of 20 answered 200).", "productpage 에서 httpbin.org 로 보낸 시뮬레이션 요청이 ServiceEntry 를 거쳐 외부 호스트에 닿습니다(20건 중 20건 200)."),
            report is null
                ? ($"The simulator cannot send productpage → httpbin.org: {error}", $"시뮬레이터가 productpage → httpbin.org 요청을 보낼 수 없습니다: {error}")
                : ($"Only {answered} of {report.Requests} simulated requests from productpage to httpbin.org were answered 200 ({statuses}); with resolution STATIC the ServiceEntry needs endpoints, DNS needs none.", $"productpage 에서 httpbin.org 로 보낸 시뮬레이션 요청 {report.Requests}건 중 {answered}건만 200 입니다({statuses}). resolution STATIC 이면 endpoints 가 필요하고, DNS 는 필요 없습니다."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
    }
}
