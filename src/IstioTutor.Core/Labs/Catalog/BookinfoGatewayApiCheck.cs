using System.Text.Json.Nodes;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Routing;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>
/// The bookinfo-gateway lab done with the Gateway API: a Gateway of class istio listening for HTTP on port
/// 80, an HTTPRoute attached to it that sends /productpage to productpage, and GET /productpage followed
/// from the pod Istio deploys for the Gateway (&lt;gateway&gt;-istio) to productpage.
/// </summary>
internal sealed class BookinfoGatewayApiCheck(LabDefinition definition)
{
    public void Check(LabContext context, LabFindings findings, IReadOnlyList<JsonObject> k8sGateways)
    {
        var listening = k8sGateways.Where(g =>
            JsonFields.Str(g["spec"]?["gatewayClassName"]) == "istio"
            && (g["spec"]?["listeners"] as JsonArray ?? []).OfType<JsonObject>().Any(l => JsonFields.AnyInt(l["port"]) == 80 && JsonFields.Str(l["protocol"]) == "HTTP")).ToList();
        if (!findings.Expect(
            listening.Count > 0,
            ($"Gateway {string.Join(", ", listening.Select(JsonFields.Name))} (class istio) listens for HTTP on port 80.", $"Gateway {string.Join(", ", listening.Select(JsonFields.Name))}(클래스 istio)가 포트 80에서 HTTP를 받습니다."),
            ("Your Gateway API Gateway has no HTTP listener on port 80 with gatewayClassName: istio.", "Gateway API Gateway 에 gatewayClassName: istio 와 포트 80 HTTP 리스너가 없습니다."),
            (definition.GatewayApi!.En, definition.GatewayApi.Ko)))
        {
            return;
        }

        var gateway = listening[0];
        var name = JsonFields.Name(gateway)!;
        var routes = context.Config("HTTPRoute").Where(r => (r["spec"]?["parentRefs"] as JsonArray ?? []).OfType<JsonObject>().Any(p =>
            JsonFields.Str(p["name"]) == name && (JsonFields.Str(p["kind"]) ?? "Gateway") == "Gateway" && (JsonFields.Str(p["namespace"]) ?? context.Namespace) == context.Namespace)).ToList();
        if (!findings.Expect(
            routes.Count > 0,
            ($"HTTPRoute {JsonFields.Name(routes.FirstOrDefault())} is attached to Gateway {name}.", $"HTTPRoute {JsonFields.Name(routes.FirstOrDefault())}가 Gateway {name}에 붙어 있습니다."),
            ($"No HTTPRoute names Gateway {name} in parentRefs, so its listener has no routes (the gateway answers 404).", $"parentRefs 에 Gateway {name}을 적은 HTTPRoute 가 없어 리스너에 라우트가 없습니다(404)."),
            ("Add parentRefs: - name: " + name + " to an HTTPRoute.", "HTTPRoute 에 parentRefs: - name: " + name + " 을 넣으세요.")))
        {
            return;
        }

        var probe = new RouteRequest("/productpage", "GET", "http", "bookinfo.example.com", new Dictionary<string, string>(), new Dictionary<string, string>(), 80, context.Namespace, null);
        var toProductpage = routes.Any(r => (r["spec"]?["rules"] as JsonArray ?? []).OfType<JsonObject>().Any(rule =>
            ((rule["matches"] as JsonArray ?? []).OfType<JsonObject>().ToList() is var matches && (matches.Count == 0 || matches.Any(m => HttpRouteMatch.FromHttpRoute(m).Matches(probe))))
            && (rule["backendRefs"] as JsonArray ?? []).OfType<JsonObject>().Any(b => JsonFields.Str(b["name"]) == "productpage")));
        findings.Expect(
            toProductpage,
            ("GET /productpage at the gateway is routed to productpage.", "게이트웨이의 GET /productpage 가 productpage 로 라우팅됩니다."),
            ("The attached HTTPRoute has no rule that sends /productpage to the productpage Service.", "붙어 있는 HTTPRoute 에 /productpage 를 productpage Service 로 보내는 규칙이 없습니다."),
            ("Use matches: - path: {type: Exact, value: /productpage} with backendRefs: - name: productpage, port: 9080.", "matches: - path: {type: Exact, value: /productpage} 와 backendRefs: - name: productpage, port: 9080 을 쓰세요."));

        var problems = context.Problems("Gateway", "HTTPRoute");
        findings.Expect(
            problems.Count == 0,
            ("istioctl analyze finds no problem with the Gateway and HTTPRoute.", "istioctl analyze 가 Gateway와 HTTPRoute에서 문제를 찾지 못했습니다."),
            ("Analysis reports: " + string.Join(" | ", problems), "분석 결과: " + string.Join(" | ", problems)),
            ("Fix what the analyzer names (run /analyze).", "분석기가 가리키는 문제를 고치세요(/analyze)."));

        var host = routes.SelectMany(r => JsonFields.Strings(r["spec"]?["hostnames"])).FirstOrDefault() is { } h ? (h.StartsWith("*.", StringComparison.Ordinal) ? "bookinfo" + h[1..] : h) : "bookinfo.example.com";
        var source = $"{name}-istio";
        var report = context.Simulate(new SimulationRequest(host) { Source = source, Port = 80, Requests = 50, Path = "/productpage" }, out var error);
        var answered = report?.CountOf(200) ?? 0;
        findings.Expect(
            report is not null && answered == report.Requests,
            ($"GET /productpage with Host {host} through {source} reaches productpage (simulated, 50 of 50 answered 200).", $"Host {host} 로 {source} 를 거친 GET /productpage 가 productpage 에 닿습니다(시뮬레이션, 50건 중 50건 200)."),
            report is null
                ? ($"The request through {source} could not be simulated: {error}", $"{source} 를 거치는 요청을 시뮬레이션할 수 없습니다: {error}")
                : ($"Only {answered} of {report.Requests} simulated GET /productpage requests with Host {host} through {source} were answered 200 ({string.Join(", ", report.StatusCodes.OrderBy(c => c.Key).Select(c => $"{c.Value}× {c.Key}"))}).", $"Host {host} 로 {source} 를 거친 GET /productpage 시뮬레이션 {report.Requests}건 중 {answered}건만 200 입니다."),
            ($"Run /simulate {host} --from {source} --path /productpage to follow the request through the Gateway's listener and your HTTPRoute.", $"/simulate {host} --from {source} --path /productpage 로 Gateway 리스너와 HTTPRoute 를 거치는 길을 따라가 보세요."));
    }
}
