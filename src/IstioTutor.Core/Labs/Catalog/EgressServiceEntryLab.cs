using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Mesh.Istio;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Register an external HTTP service (httpbin.org) in the mesh with a ServiceEntry.</summary>
public sealed class EgressServiceEntryLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "egress-serviceentry",
        Stage.Intermediate,
        9,
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
        new("The simulated cluster has no internet and does not model outboundTrafficPolicy: it verified that the mesh's registry resolves httpbin.org through your ServiceEntry, not a real response from httpbin.org.", "시뮬레이션 클러스터에는 인터넷이 없고 outboundTrafficPolicy 도 모델링하지 않습니다. ServiceEntry 로 메시 레지스트리가 httpbin.org 를 해석하는지 확인했을 뿐, httpbin.org 의 실제 응답은 아닙니다."));

    public void Check(LabContext context, LabFindings findings)
    {
        var entries = context.Config("ServiceEntry").Where(e => (e["spec"]?["hosts"] as System.Text.Json.Nodes.JsonArray ?? []).Any(h => ObjectShapes.Text(h) == "httpbin.org")).ToList();
        if (!findings.Expect(
            entries.Count > 0,
            ($"ServiceEntry {ObjectShapes.Name(entries.FirstOrDefault())} registers httpbin.org.", $"ServiceEntry {ObjectShapes.Name(entries.FirstOrDefault())}가 httpbin.org 를 등록합니다."),
            ("No ServiceEntry has host httpbin.org.", "host 가 httpbin.org 인 ServiceEntry 가 없습니다."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko)))
        {
            return;
        }

        var entry = entries[0]["spec"]!;
        findings.Expect(
            ObjectShapes.Text(entry["location"]) == "MESH_EXTERNAL",
            ("It is marked MESH_EXTERNAL.", "MESH_EXTERNAL 로 표시되어 있습니다."),
            ($"location is {ObjectShapes.Text(entry["location"]) ?? "unset (MESH_EXTERNAL is not the default for every tool; say it)"}; httpbin.org runs outside the mesh.", $"location 이 {ObjectShapes.Text(entry["location"]) ?? "비어 있습니다"}. httpbin.org 는 메시 밖에 있습니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
        findings.Expect(
            (entry["ports"] as System.Text.Json.Nodes.JsonArray ?? []).Any(p => Routing.Int(p?["number"]) == 80 && ObjectShapes.Text(p?["protocol"]) == "HTTP"),
            ("Port 80 is declared as HTTP.", "포트 80이 HTTP로 선언되어 있습니다."),
            ("Port 80 with protocol HTTP is missing, so the sidecar cannot apply HTTP routing to it.", "프로토콜 HTTP 인 포트 80이 없어 사이드카가 HTTP 라우팅을 적용할 수 없습니다."),
            (Definition.Steps[0].En, Definition.Steps[0].Ko));
        // The registry as the simulator builds it (Services plus ServiceEntry hosts); an FQDN is looked up as written.
        var registry = MeshModel.From(context.Snapshot);
        findings.Expect(
            registry.HostExists("httpbin.org"),
            ("The mesh's service registry now has httpbin.org.", "메시 서비스 레지스트리에 이제 httpbin.org 가 있습니다."),
            ("The mesh's service registry does not have httpbin.org.", "메시 서비스 레지스트리에 httpbin.org 가 없습니다."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
    }
}
