using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Add a response header at productpage's inbound sidecar with a Lua EnvoyFilter.</summary>
public sealed class EnvoyFilterHeaderLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "envoyfilter-header",
        Stage.Advanced,
        1,
        CoreForPromotion: false,
        new("Add a response header with an EnvoyFilter", "EnvoyFilter 로 응답 헤더 추가하기"),
        new("Make productpage's sidecar add the response header x-istiotutor: hello to every inbound response, using an EnvoyFilter that inserts a Lua filter before the router.", "라우터 앞에 Lua 필터를 넣는 EnvoyFilter 로 productpage 사이드카가 모든 인바운드 응답에 x-istiotutor: hello 헤더를 붙이게 하세요."),
        [
            new("Write an EnvoyFilter (networking.istio.io/v1alpha3) with workloadSelector.labels app: productpage.", "workloadSelector.labels app: productpage 인 EnvoyFilter(networking.istio.io/v1alpha3)를 씁니다."),
            new("Add a configPatch: applyTo HTTP_FILTER, match context SIDECAR_INBOUND on the http_connection_manager's envoy.filters.http.router, patch INSERT_BEFORE with an envoy.filters.http.lua filter whose envoy_on_response adds the header.", "configPatch: applyTo HTTP_FILTER, match context SIDECAR_INBOUND (http_connection_manager 의 envoy.filters.http.router), patch INSERT_BEFORE 로 envoy_on_response 가 헤더를 더하는 envoy.filters.http.lua 필터를 넣습니다."),
        ],
        [
            new("EnvoyFilter exists only as v1alpha3; a wrong workloadSelector silently patches nothing.", "EnvoyFilter 는 v1alpha3 만 있습니다. workloadSelector 가 틀리면 아무것도 패치하지 않습니다."),
            new("Inbound traffic to a pod is SIDECAR_INBOUND; SIDECAR_OUTBOUND patches the pod's calls to others.", "파드로 들어오는 트래픽은 SIDECAR_INBOUND, SIDECAR_OUTBOUND 는 파드가 다른 곳을 부르는 호출입니다."),
            new("In Lua: function envoy_on_response(handle) handle:headers():add(\"x-istiotutor\", \"hello\") end.", "Lua: function envoy_on_response(handle) handle:headers():add(\"x-istiotutor\", \"hello\") end."),
        ],
        ["EnvoyFilter"],
        [
            """
            apiVersion: networking.istio.io/v1alpha3
            kind: EnvoyFilter
            metadata:
              name: productpage-header
            spec:
              workloadSelector:
                labels:
                  app: productpage
              configPatches:
              - applyTo: HTTP_FILTER
                match:
                  context: SIDECAR_INBOUND
                  listener:
                    filterChain:
                      filter:
                        name: envoy.filters.network.http_connection_manager
                        subFilter:
                          name: envoy.filters.http.router
                patch:
                  operation: INSERT_BEFORE
                  value:
                    name: envoy.filters.http.lua
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                      inlineCode: |
                        function envoy_on_response(handle)
                          handle:headers():add("x-istiotutor", "hello")
                        end
            """,
        ],
        new("The simulated cluster runs no Envoy, so the Lua code was not executed: the check verified the EnvoyFilter's target pods, patch point (inbound HTTP filter before the router) and that the Lua adds the header.", "시뮬레이션 클러스터에는 Envoy가 없어 Lua 코드는 실행하지 않았습니다. EnvoyFilter 의 대상 파드, 패치 위치(라우터 앞 인바운드 HTTP 필터), Lua 가 헤더를 더하는지를 확인했습니다."));

    public void Check(LabContext context, LabFindings findings)
    {
        var filters = context.Config("EnvoyFilter");
        if (!findings.Expect(
            filters.Count > 0,
            ($"EnvoyFilter {JsonFields.Name(filters.Count > 0 ? filters[0] : null)} exists.", $"EnvoyFilter {JsonFields.Name(filters.Count > 0 ? filters[0] : null)}가 있습니다."),
            ("There is no EnvoyFilter in your namespace.", "네임스페이스에 EnvoyFilter 가 없습니다."),
            (Definition.Steps[0].En, Definition.Steps[0].Ko)))
        {
            return;
        }

        var filter = filters.FirstOrDefault(f => context.PodsMatching(f["spec"]?["workloadSelector"]?["labels"] as JsonObject).Any(p => JsonFields.Str(p["metadata"]?["labels"]?["app"]) == "productpage")) ?? filters[0];
        var pods = context.PodsMatching(filter["spec"]?["workloadSelector"]?["labels"] as JsonObject);
        findings.Expect(
            filter["spec"]?["workloadSelector"] is not null && pods.Count > 0 && pods.All(p => JsonFields.Str(p["metadata"]?["labels"]?["app"]) == "productpage"),
            ("Its workloadSelector selects the productpage pods only.", "workloadSelector 가 productpage 파드만 선택합니다."),
            (pods.Count == 0 ? "Its workloadSelector selects no pod, so it patches nothing." : $"Its workloadSelector selects {pods.Count} pod(s) beyond productpage.", pods.Count == 0 ? "workloadSelector 가 어떤 파드도 선택하지 않아 아무것도 패치하지 않습니다." : $"workloadSelector 가 productpage 외의 파드 {pods.Count}개를 선택합니다."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
        var patches = (filter["spec"]?["configPatches"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var inbound = patches.Where(p => JsonFields.Str(p["applyTo"]) == "HTTP_FILTER" && JsonFields.Str(p["match"]?["context"]) == "SIDECAR_INBOUND"
            && JsonFields.Str(p["patch"]?["operation"]) is "INSERT_BEFORE" or "INSERT_FIRST").ToList();
        findings.Expect(
            inbound.Count > 0,
            ("A patch inserts an HTTP filter into the inbound chain.", "패치가 인바운드 체인에 HTTP 필터를 넣습니다."),
            ("No patch inserts an HTTP_FILTER in SIDECAR_INBOUND before the router.", "SIDECAR_INBOUND 의 라우터 앞에 HTTP_FILTER 를 넣는 패치가 없습니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
        var code = string.Join("\n", inbound.Select(p => LuaFilterSource.Code(p["patch"]?["value"]) ?? ""));
        findings.Expect(
            code.Contains("envoy_on_response", StringComparison.Ordinal) && code.Contains("x-istiotutor", StringComparison.OrdinalIgnoreCase) && (code.Contains(":add(", StringComparison.Ordinal) || code.Contains(":replace(", StringComparison.Ordinal)),
            ("The Lua filter adds x-istiotutor in envoy_on_response.", "Lua 필터가 envoy_on_response 에서 x-istiotutor 를 더합니다."),
            ("The Lua code does not add the x-istiotutor header in envoy_on_response.", "Lua 코드가 envoy_on_response 에서 x-istiotutor 헤더를 더하지 않습니다."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));
    }
}
