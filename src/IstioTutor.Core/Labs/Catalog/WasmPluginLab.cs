using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Labs.Catalog;

/// <summary>Attach a Wasm basic-auth plugin to productpage with the WasmPlugin API.</summary>
public sealed class WasmPluginLab : ILab
{
    public LabDefinition Definition { get; } = new(
        "wasm-plugin",
        Stage.Advanced,
        2,
        CoreForPromotion: false,
        new("Extend the proxy with a WasmPlugin", "WasmPlugin 으로 프록시 확장하기"),
        new("Load the basic_auth Wasm module into productpage's sidecar in the AUTHN phase, protecting /productpage with a username and password.", "basic_auth Wasm 모듈을 AUTHN 단계에 productpage 사이드카로 올려 /productpage 를 사용자 이름과 비밀번호로 보호하세요."),
        [
            new("Write a WasmPlugin (extensions.istio.io/v1alpha1) with selector.matchLabels app: productpage.", "selector.matchLabels app: productpage 인 WasmPlugin(extensions.istio.io/v1alpha1)을 씁니다."),
            new("Set url: oci://ghcr.io/istio-ecosystem/wasm-extensions/basic_auth:1.12.0, phase: AUTHN, and pluginConfig.basic_auth_rules for prefix /productpage with GET and credentials.", "url: oci://ghcr.io/istio-ecosystem/wasm-extensions/basic_auth:1.12.0, phase: AUTHN, /productpage GET 에 대한 pluginConfig.basic_auth_rules 와 자격 증명을 넣습니다."),
        ],
        [
            new("The selector decides which sidecars load the module; a selector that matches no pod loads it nowhere.", "selector 가 모듈을 올릴 사이드카를 정합니다. 맞는 파드가 없으면 어디에도 올라가지 않습니다."),
            new("phase orders the plugin among Istio's filters: AUTHN runs before Istio's authentication filters.", "phase 는 Istio 필터 사이의 순서를 정합니다. AUTHN 은 Istio 인증 필터 앞에서 실행됩니다."),
            new("pluginConfig is passed to the module as JSON; basic_auth expects basic_auth_rules with prefix, request_methods and credentials.", "pluginConfig 는 JSON 으로 모듈에 전달됩니다. basic_auth 는 prefix, request_methods, credentials 를 가진 basic_auth_rules 를 기대합니다."),
        ],
        ["WasmPlugin"],
        [
            """
            apiVersion: extensions.istio.io/v1alpha1
            kind: WasmPlugin
            metadata:
              name: basic-auth
            spec:
              selector:
                matchLabels:
                  app: productpage
              url: oci://ghcr.io/istio-ecosystem/wasm-extensions/basic_auth:1.12.0
              phase: AUTHN
              pluginConfig:
                basic_auth_rules:
                - prefix: /productpage
                  request_methods:
                  - GET
                  - POST
                  credentials:
                  - ok:test
                  - YWRtaW4zOmFkbWluMw==
            """,
        ],
        new("The simulated cluster neither pulls nor runs Wasm modules: the check verified which pods load the plugin, its source URL, phase and configuration, not the module's behaviour.", "시뮬레이션 클러스터는 Wasm 모듈을 받지도 실행하지도 않습니다. 플러그인을 올릴 파드, URL, phase, 설정만 확인했고 모듈 동작은 확인하지 않았습니다."));

    public void Check(LabContext context, LabFindings findings)
    {
        var plugins = context.Config("WasmPlugin");
        if (!findings.Expect(
            plugins.Count > 0,
            ($"WasmPlugin {JsonFields.Name(plugins.Count > 0 ? plugins[0] : null)} exists.", $"WasmPlugin {JsonFields.Name(plugins.Count > 0 ? plugins[0] : null)}가 있습니다."),
            ("There is no WasmPlugin in your namespace.", "네임스페이스에 WasmPlugin 이 없습니다."),
            (Definition.Steps[0].En, Definition.Steps[0].Ko)))
        {
            return;
        }

        var plugin = plugins[0]["spec"]!;
        var pods = context.PodsMatching(plugin["selector"]?["matchLabels"] as JsonObject);
        findings.Expect(
            plugin["selector"] is not null && pods.Count > 0 && pods.All(p => JsonFields.Str(p["metadata"]?["labels"]?["app"]) == "productpage"),
            ("It is loaded by the productpage sidecars only.", "productpage 사이드카에만 올라갑니다."),
            (pods.Count == 0 ? "Its selector matches no pod, so no sidecar loads the module." : "Its selector is not limited to productpage.", pods.Count == 0 ? "selector 에 맞는 파드가 없어 어떤 사이드카도 모듈을 올리지 않습니다." : "selector 가 productpage 로 제한되지 않습니다."),
            (Definition.Hints[0].En, Definition.Hints[0].Ko));
        var url = JsonFields.Str(plugin["url"]) ?? "";
        findings.Expect(
            url.Contains("basic_auth", StringComparison.Ordinal) && (url.StartsWith("oci://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)),
            ("The module comes from the basic_auth OCI image.", "모듈을 basic_auth OCI 이미지에서 받습니다."),
            ($"url '{url}' is not the basic_auth module (oci://…/basic_auth:TAG).", $"url '{url}'은(는) basic_auth 모듈(oci://…/basic_auth:TAG)이 아닙니다."),
            (Definition.Steps[1].En, Definition.Steps[1].Ko));
        findings.Expect(
            JsonFields.Str(plugin["phase"]) == "AUTHN",
            ("It runs in the AUTHN phase.", "AUTHN 단계에서 실행됩니다."),
            ($"phase is {JsonFields.Str(plugin["phase"]) ?? "unset"}; basic auth belongs in AUTHN.", $"phase 가 {JsonFields.Str(plugin["phase"]) ?? "비어 있음"}입니다. 기본 인증은 AUTHN 에 둡니다."),
            (Definition.Hints[1].En, Definition.Hints[1].Ko));
        var rules = plugin["pluginConfig"]?["basic_auth_rules"] as JsonArray ?? [];
        findings.Expect(
            rules.OfType<JsonObject>().Any(r => (JsonFields.Str(r["prefix"]) ?? JsonFields.Str(r["exact"]) ?? "").StartsWith("/productpage", StringComparison.Ordinal) && r["credentials"] is JsonArray { Count: > 0 }),
            ("pluginConfig protects /productpage with credentials.", "pluginConfig 가 /productpage 를 자격 증명으로 보호합니다."),
            ("pluginConfig has no basic_auth_rules entry for /productpage with credentials.", "pluginConfig 에 /productpage 와 자격 증명을 가진 basic_auth_rules 가 없습니다."),
            (Definition.Hints[2].En, Definition.Hints[2].Ko));
    }
}
