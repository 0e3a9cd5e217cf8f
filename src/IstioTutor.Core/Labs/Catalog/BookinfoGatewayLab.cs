using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Expose productpage through the ingress gateway: a Gateway on port 80 and a VirtualService bound to it.</summary>
public sealed class BookinfoGatewayLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "bookinfo-gateway",
        Stage.Beginner,
        1,
        CoreForPromotion: true,
        new("Open Bookinfo through the ingress gateway", "인그레스 게이트웨이로 Bookinfo 열기"),
        new(
            "Let traffic from outside the mesh reach productpage: a Gateway on the ingress gateway's port 80 and a VirtualService bound to it that sends /productpage (and the app's /static, /login, /logout, /api/v1/products paths) to productpage:9080.",
            "메시 밖의 트래픽이 productpage에 닿게 하세요: 인그레스 게이트웨이의 80번 포트에 Gateway를 두고, 그 Gateway에 묶인 VirtualService가 /productpage(와 /static, /login, /logout, /api/v1/products)를 productpage:9080으로 보내게 합니다."),
        [
            new("Write a Gateway named bookinfo-gateway selecting istio: ingressgateway with an HTTP server on port 80 for hosts \"*\".", "istio: ingressgateway 를 선택하고 포트 80 HTTP 서버(hosts \"*\")를 가진 Gateway bookinfo-gateway 를 작성합니다."),
            new("Write a VirtualService named bookinfo for hosts \"*\" with gateways: [bookinfo-gateway] routing /productpage to productpage port 9080.", "hosts \"*\", gateways: [bookinfo-gateway] 인 VirtualService bookinfo 를 만들어 /productpage 를 productpage 9080으로 보냅니다."),
            new("Apply both with /apply, read the preview, then /confirm and /check bookinfo-gateway.", "/apply 로 둘을 적용하고 미리보기를 읽은 뒤 /confirm, /check bookinfo-gateway 를 실행합니다."),
        ],
        [
            new("A Gateway only opens a port on the gateway pods; nothing is routed until a VirtualService names the Gateway in spec.gateways.", "Gateway는 게이트웨이 파드의 포트만 엽니다. VirtualService가 spec.gateways 에 그 Gateway를 적어야 라우팅됩니다."),
            new("The Gateway's selector must match the ingress gateway pods' labels: istio: ingressgateway.", "Gateway의 selector는 인그레스 게이트웨이 파드 레이블 istio: ingressgateway 와 맞아야 합니다."),
            new("In the VirtualService use match: - uri: {exact: /productpage} and route: - destination: {host: productpage, port: {number: 9080}}.", "VirtualService에 match: - uri: {exact: /productpage} 와 route: - destination: {host: productpage, port: {number: 9080}} 을 씁니다."),
        ],
        ["Gateway", "VirtualService"],
        [
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: bookinfo-gateway
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port:
                  number: 80
                  name: http
                  protocol: HTTP
                hosts:
                - "*"
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: bookinfo
            spec:
              hosts:
              - "*"
              gateways:
              - bookinfo-gateway
              http:
              - match:
                - uri:
                    exact: /productpage
                - uri:
                    prefix: /static
                - uri:
                    exact: /login
                - uri:
                    exact: /logout
                - uri:
                    prefix: /api/v1/products
                route:
                - destination:
                    host: productpage
                    port:
                      number: 9080
            """,
        ],
        new(
            "The simulator followed GET /productpage from the ingress gateway pod through your Gateway's listener and bound VirtualService to productpage; no real gateway or load balancer was contacted.",
            "시뮬레이터가 인그레스 게이트웨이 파드에서 Gateway 리스너와 묶인 VirtualService 를 거쳐 productpage 까지 GET /productpage 를 따라갔습니다. 실제 게이트웨이나 로드밸런서에는 접속하지 않았습니다."))
    {
        GatewayApi = new(
            "With the Gateway API you write the Gateway yourself: gatewayClassName istio with an HTTP listener on port 80 (Istio then deploys bookinfo-gateway-istio for it), and an HTTPRoute whose parentRef is that Gateway, sending /productpage, /static, /login, /logout and /api/v1/products to productpage:9080.",
            "Gateway API 에서는 Gateway 를 직접 씁니다. gatewayClassName istio 에 포트 80 HTTP 리스너를 두면 Istio 가 bookinfo-gateway-istio 를 배포합니다. 그 Gateway 를 parentRef 로 둔 HTTPRoute 가 /productpage, /static, /login, /logout, /api/v1/products 를 productpage:9080 으로 보냅니다."),
        GatewayApiSolution =
        [
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: bookinfo-gateway
            spec:
              gatewayClassName: istio
              listeners:
              - name: http
                port: 80
                protocol: HTTP
                allowedRoutes:
                  namespaces:
                    from: Same
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: bookinfo
            spec:
              parentRefs:
              - name: bookinfo-gateway
              rules:
              - matches:
                - path:
                    type: Exact
                    value: /productpage
                - path:
                    type: PathPrefix
                    value: /static
                - path:
                    type: Exact
                    value: /login
                - path:
                    type: Exact
                    value: /logout
                - path:
                    type: PathPrefix
                    value: /api/v1/products
                backendRefs:
                - name: productpage
                  port: 9080
            """,
        ],
    };

    public void Check(LabContext context, LabFindings findings)
    {
        var k8sGateways = context.Config("Gateway").Where(g => (JsonFields.Str(g["apiVersion"]) ?? "").StartsWith(ResourceKinds.K8sGateway.Group + "/", StringComparison.Ordinal)).ToList();
        var istioGateways = context.Config("Gateway").Except(k8sGateways).ToList();
        if (k8sGateways.Count > 0 && istioGateways.Count == 0)
        {
            new BookinfoGatewayApiCheck(Definition).Check(context, findings, k8sGateways);
            return;
        }

        var gateways = istioGateways.Where(g =>
            JsonFields.Str(g["spec"]?["selector"]?["istio"]) == "ingressgateway"
            && (g["spec"]?["servers"] as JsonArray ?? []).Any(s => s?["port"]?["number"]?.ToString() == "80" && JsonFields.Str(s["port"]?["protocol"]) is "HTTP" or "HTTP2")).ToList();
        if (!findings.Expect(
            gateways.Count > 0,
            ($"Gateway {string.Join(", ", gateways.Select(JsonFields.Name))} listens on the ingress gateway's port 80.", $"Gateway {string.Join(", ", gateways.Select(JsonFields.Name))}가 인그레스 게이트웨이 80번 포트에서 받습니다."),
            ("No Gateway selects the ingress gateway (istio: ingressgateway) with an HTTP server on port 80.", "istio: ingressgateway 를 선택하고 80번 HTTP 서버를 가진 Gateway가 없습니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko)))
        {
            return;
        }

        var names = gateways.Select(JsonFields.Name).OfType<string>().SelectMany(n => new[] { n, $"{context.Namespace}/{n}" }).ToHashSet(StringComparer.Ordinal);
        var bound = context.Config("VirtualService").Where(v => (v["spec"]?["gateways"] as JsonArray ?? []).Any(g => names.Contains(JsonFields.Str(g) ?? ""))).ToList();
        if (!findings.Expect(
            bound.Count > 0,
            ($"VirtualService {JsonFields.Name(bound.FirstOrDefault())} is bound to the Gateway.", $"VirtualService {JsonFields.Name(bound.FirstOrDefault())}가 Gateway에 묶여 있습니다."),
            ("No VirtualService names your Gateway in spec.gateways, so the gateway has nowhere to send requests (it answers 404).", "spec.gateways 에 Gateway를 적은 VirtualService가 없어 게이트웨이가 요청을 보낼 곳이 없습니다(404)."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko)))
        {
            return;
        }

        var toProductpage = bound.Any(v => (v["spec"]?["http"] as JsonArray ?? []).OfType<JsonObject>().Any(rule =>
            Routing.MatchesPath(rule, "/productpage")
            && (rule["route"] as JsonArray ?? []).Any(d => (JsonFields.Str(d?["destination"]?["host"]) ?? "").Split('.')[0] == "productpage")));
        findings.Expect(
            toProductpage,
            ("GET /productpage at the gateway is routed to productpage.", "게이트웨이의 GET /productpage 가 productpage 로 라우팅됩니다."),
            ("The bound VirtualService has no HTTP rule that sends /productpage to the productpage service.", "Gateway에 묶인 VirtualService에 /productpage 를 productpage 로 보내는 HTTP 규칙이 없습니다."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));

        var problems = context.Problems("Gateway", "VirtualService");
        findings.Expect(
            problems.Count == 0,
            ("istioctl analyze finds no problem with the Gateway and VirtualService.", "istioctl analyze 가 Gateway와 VirtualService에서 문제를 찾지 못했습니다."),
            ("Analysis reports: " + string.Join(" | ", problems), "분석 결과: " + string.Join(" | ", problems)),
            ("Fix what the analyzer names (run /analyze).", "분석기가 가리키는 문제를 고치세요(/analyze)."));

        // Through the gateway itself: the Gateway's listener, the bound VirtualService, then productpage.
        var host = HostHeader(bound);
        var report = context.Simulate(new SimulationRequest(host) { Source = "istio-ingressgateway", Requests = 50, Path = "/productpage" }, out var error);
        var answered = report?.CountOf(200) ?? 0;
        findings.Expect(
            report is not null && answered == report.Requests,
            ($"GET /productpage with Host {host} through the ingress gateway reaches productpage (simulated, 50 of 50 answered 200).", $"Host {host} 로 인그레스 게이트웨이를 거친 GET /productpage 가 productpage 에 닿습니다(시뮬레이션, 50건 중 50건 200)."),
            report is null
                ? ($"The request through the ingress gateway could not be simulated: {error}", $"인그레스 게이트웨이를 거치는 요청을 시뮬레이션할 수 없습니다: {error}")
                : ($"Only {answered} of {report.Requests} simulated GET /productpage requests with Host {host} through the ingress gateway were answered 200 ({string.Join(", ", report.StatusCodes.OrderBy(c => c.Key).Select(c => $"{c.Value}× {c.Key}"))}).", $"Host {host} 로 인그레스 게이트웨이를 거친 GET /productpage 시뮬레이션 {report.Requests}건 중 {answered}건만 200 입니다."),
            ($"Run /simulate {host} --from istio-ingressgateway --path /productpage to follow the same request through the gateway (without --path it sends GET /, which a rule matching only /productpage answers with 404), and compare the rule's match with GET /productpage.", $"/simulate {host} --from istio-ingressgateway --path /productpage 로 같은 요청이 게이트웨이를 거치는 길을 따라가 보고(--path 가 없으면 GET / 를 보내므로 /productpage 만 매치하는 규칙은 404), 규칙의 match 를 GET /productpage 와 비교하세요."));
    }

    /// <summary>A Host header the bound VirtualService accepts: its first host, with a leading wildcard filled in.</summary>
    private static string HostHeader(IReadOnlyList<JsonObject> bound)
    {
        var first = bound.SelectMany(v => (v["spec"]?["hosts"] as JsonArray ?? []).Select(JsonFields.Str)).OfType<string>().FirstOrDefault() ?? "*";
        return first == "*" ? "bookinfo.example.com" : first.StartsWith("*.", StringComparison.Ordinal) ? "bookinfo" + first[1..] : first;
    }
}
