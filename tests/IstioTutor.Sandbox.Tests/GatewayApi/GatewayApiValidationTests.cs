using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>
/// The Gateway API CRDs' schema and CEL rules, each refused by the real kubectl apply with the API server's
/// 422 naming the field; nothing is stored.
/// </summary>
[Collection(GatewayApiCollection.Name)]
public sealed class GatewayApiValidationTests(GatewayApiFixture fixture)
{
    private const string Parent = "  parentRefs:\n  - name: bookinfo-gateway\n";

    public static TheoryData<string, string, string, string> Rules { get; } = new()
    {
        { "path_prefix_must_start_with_a_slash", "HTTPRoute", Parent + "  rules:\n  - matches:\n    - path:\n        type: PathPrefix\n        value: productpage\n", "spec.rules[0].matches[0].path: Invalid value: \"object\": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']" },
        { "path_must_not_hold_a_double_slash", "HTTPRoute", Parent + "  rules:\n  - matches:\n    - path:\n        type: Exact\n        value: /a//b\n", "spec.rules[0].matches[0].path: Invalid value: \"object\": must not contain '//' when type one of ['Exact', 'PathPrefix']" },
        { "path_type_is_an_enum", "HTTPRoute", Parent + "  rules:\n  - matches:\n    - path:\n        type: Prefix\n        value: /a\n", "spec.rules[0].matches[0].path.type: Unsupported value: \"Prefix\": supported values: \"Exact\", \"PathPrefix\", \"RegularExpression\"" },
        { "weight_is_at_most_a_million", "HTTPRoute", Parent + "  rules:\n  - backendRefs:\n    - name: reviews\n      port: 9080\n      weight: 1000001\n", "spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000" },
        { "weight_is_not_negative", "HTTPRoute", Parent + "  rules:\n  - backendRefs:\n    - name: reviews\n      port: 9080\n      weight: -1\n", "spec.rules[0].backendRefs[0].weight: Invalid value: -1: spec.rules[0].backendRefs[0].weight in body should be greater than or equal to 0" },
        { "service_backend_needs_a_port", "HTTPRoute", Parent + "  rules:\n  - backendRefs:\n    - name: reviews\n", "spec.rules[0].backendRefs[0]: Invalid value: \"object\": Must have port for Service reference" },
        { "backend_needs_a_name", "HTTPRoute", Parent + "  rules:\n  - backendRefs:\n    - port: 9080\n", "spec.rules[0].backendRefs[0].name: Required value" },
        { "request_header_modifier_needs_its_companion", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: RequestHeaderModifier\n", "spec.rules[0].filters[0]: Invalid value: \"object\": filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type" },
        { "companion_without_its_type_is_refused", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: URLRewrite\n      urlRewrite:\n        hostname: example.com\n      requestHeaderModifier:\n        set:\n        - name: x\n          value: y\n", "spec.rules[0].filters[0]: Invalid value: \"object\": filter.requestHeaderModifier must be nil if the filter.type is not RequestHeaderModifier" },
        { "filter_type_is_an_enum", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: Rewrite\n", "spec.rules[0].filters[0].type: Unsupported value: \"Rewrite\"" },
        { "header_modifier_entries_need_a_value", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: RequestHeaderModifier\n      requestHeaderModifier:\n        set:\n        - name: x-debug\n", "spec.rules[0].filters[0].requestHeaderModifier.set[0].value: Required value" },
        { "redirect_and_rewrite_are_exclusive", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: RequestRedirect\n      requestRedirect:\n        scheme: https\n    - type: URLRewrite\n      urlRewrite:\n        hostname: example.com\n", "spec.rules[0].filters: Invalid value: \"array\": May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both" },
        { "redirect_cannot_go_with_backends", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: RequestRedirect\n      requestRedirect:\n        scheme: https\n    backendRefs:\n    - name: reviews\n      port: 9080\n", "spec.rules[0]: Invalid value: \"object\": RequestRedirect filter must not be used together with backendRefs" },
        { "redirect_status_code_is_301_or_302", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: RequestRedirect\n      requestRedirect:\n        statusCode: 307\n", "spec.rules[0].filters[0].requestRedirect.statusCode: Unsupported value: 307: supported values: \"301\", \"302\"" },
        { "replace_prefix_match_needs_one_path_prefix_match", "HTTPRoute", Parent + "  rules:\n  - matches:\n    - path:\n        type: Exact\n        value: /a\n    filters:\n    - type: URLRewrite\n      urlRewrite:\n        path:\n          type: ReplacePrefixMatch\n          replacePrefixMatch: /b\n", "spec.rules[0]: Invalid value: \"object\": When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified" },
        { "path_modifier_needs_its_value", "HTTPRoute", Parent + "  rules:\n  - filters:\n    - type: URLRewrite\n      urlRewrite:\n        path:\n          type: ReplaceFullPath\n", "spec.rules[0].filters[0].urlRewrite.path: Invalid value: \"object\": replaceFullPath must be specified when type is set to 'ReplaceFullPath'" },
        { "backend_request_timeout_within_request_timeout", "HTTPRoute", Parent + "  rules:\n  - timeouts:\n      request: 5s\n      backendRequest: 10s\n    backendRefs:\n    - name: reviews\n      port: 9080\n", "spec.rules[0].timeouts: Invalid value: \"object\": backendRequest timeout cannot be longer than request timeout" },
        { "timeout_is_a_gateway_api_duration", "HTTPRoute", Parent + "  rules:\n  - timeouts:\n      request: 1.5s\n", "spec.rules[0].timeouts.request: Invalid value: \"1.5s\": spec.rules[0].timeouts.request in body should match '^([0-9]{1,5}(h|m|s|ms)){1,4}$'" },
        { "hostnames_are_lower_case_dns_names", "HTTPRoute", Parent + "  hostnames:\n  - Bookinfo.Example.com\n", "spec.hostnames[0]: Invalid value: \"Bookinfo.Example.com\": spec.hostnames[0] in body should match" },
        { "method_is_an_enum", "HTTPRoute", Parent + "  rules:\n  - matches:\n    - method: get\n", "spec.rules[0].matches[0].method: Unsupported value: \"get\"" },
        { "at_most_sixteen_rules", "HTTPRoute", Parent + "  rules:\n" + string.Concat(Enumerable.Repeat("  - backendRefs:\n    - name: reviews\n      port: 9080\n", 17)), "spec.rules: Too many: 17: must have at most 16 items" },
        { "parent_needs_a_name", "HTTPRoute", "  parentRefs:\n  - kind: Gateway\n", "spec.parentRefs[0].name: Required value" },
        { "two_refs_to_one_parent_need_section_names", "HTTPRoute", "  parentRefs:\n  - name: bookinfo-gateway\n  - name: bookinfo-gateway\n    sectionName: http\n", "spec.parentRefs: Invalid value: \"array\": sectionName must be specified when parentRefs includes 2 or more references to the same parent" },
        { "listener_names_are_unique", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n  - name: http\n    port: 8080\n    protocol: HTTP\n", "spec.listeners: Invalid value: \"array\": Listener name must be unique within the Gateway" },
        { "listener_port_protocol_hostname_are_unique", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: a\n    port: 80\n    protocol: HTTP\n  - name: b\n    port: 80\n    protocol: HTTP\n", "spec.listeners: Invalid value: \"array\": Combination of port, protocol and hostname must be unique for each listener" },
        { "gateway_needs_a_listener", "Gateway", "  gatewayClassName: istio\n  listeners: []\n", "spec.listeners: Invalid value: 0: spec.listeners in body should have at least 1 items" },
        { "gateway_needs_a_class", "Gateway", "  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n", "spec.gatewayClassName: Required value" },
        { "listener_port_in_range", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 70000\n    protocol: HTTP\n", "spec.listeners[0].port: Invalid value: 70000: spec.listeners[0].port in body should be less than or equal to 65535" },
        { "listener_hostname_pattern", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: http\n    hostname: \"*\"\n    port: 80\n    protocol: HTTP\n", "spec.listeners[0].hostname: Invalid value: \"*\": spec.listeners[0].hostname in body should match" },
        { "no_tls_on_http_listeners", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: cert\n", "spec.listeners: Invalid value: \"array\": tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']" },
        { "terminate_needs_a_certificate", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n", "spec.listeners[0].tls: Invalid value: \"object\": certificateRefs or options must be specified when mode is Terminate" },
        { "no_hostname_on_tcp_listeners", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: tcp\n    hostname: db.example.com\n    port: 3306\n    protocol: TCP\n", "spec.listeners: Invalid value: \"array\": hostname must not be specified for protocols ['TCP', 'UDP']" },
        { "allowed_routes_from_is_an_enum", "Gateway", "  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n    allowedRoutes:\n      namespaces:\n        from: Everyone\n", "spec.listeners[0].allowedRoutes.namespaces.from: Unsupported value: \"Everyone\": supported values: \"All\", \"Selector\", \"Same\"" },
        { "grpc_method_match_needs_service_or_method", "GRPCRoute", Parent + "  rules:\n  - matches:\n    - method:\n        type: Exact\n", "spec.rules[0].matches[0].method: Invalid value: \"object\": One or both of 'service' or 'method' must be specified" },
        { "reference_grant_needs_from", "ReferenceGrant", "  to:\n  - group: \"\"\n    kind: Service\n", "spec.from: Required value" },
    };

    [KubectlTheory]
    [MemberData(nameof(Rules))]
    public async Task A_rule_violation_is_refused_with_422_naming_the_field(string rule, string kind, string spec, string expected)
    {
        var ns = await fixture.NewNamespaceAsync("val");
        var version = kind == "ReferenceGrant" ? "v1beta1" : "v1";
        var yaml = $"apiVersion: gateway.networking.k8s.io/{version}\nkind: {kind}\nmetadata:\n  name: {rule.Replace('_', '-')}\nspec:\n{spec}";

        var result = await fixture.ApplyAsync(ns, yaml);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"The {kind} \"{rule.Replace('_', '-')}\" is invalid", result.Stderr);
        Assert.Contains(expected, result.Stderr);
        var stored = await fixture.Kubectl.RunAsync($"get {kind.ToLowerInvariant()}s.gateway.networking.k8s.io -n {ns} -o name");
        Assert.Equal("", stored.Stdout.Trim());
    }

    [KubectlFact]
    public async Task A_misspelt_field_is_refused_under_kubectls_strict_field_validation()
    {
        var ns = await fixture.NewNamespaceAsync("valunknown");

        var result = await fixture.ApplyAsync(ns, "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: typo\nspec:\n" + Parent + "  rules:\n  - backendRef:\n    - name: productpage\n      port: 9080\n");

        // kubectl asks for fieldValidation=Strict by default, as on a cluster.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown field \"spec.rules[0].backendRef\"", result.Stderr);
    }

    [KubectlFact]
    public async Task A_regular_expression_path_is_accepted()
    {
        var ns = await fixture.NewNamespaceAsync("valre");

        var result = await fixture.ApplyAsync(ns, "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: regex\nspec:\n" + Parent + "  rules:\n  - matches:\n    - path:\n        type: RegularExpression\n        value: /api/v[0-9]+/.*\n    backendRefs:\n    - name: productpage\n      port: 9080\n");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [KubectlFact]
    public async Task Older_served_versions_are_accepted_and_stored_at_the_storage_version()
    {
        var ns = await fixture.NewNamespaceAsync("valver");

        var result = await fixture.ApplyAsync(ns, "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: HTTPRoute\nmetadata:\n  name: beta\nspec:\n" + Parent + "  rules:\n  - backendRefs:\n    - name: productpage\n      port: 9080\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        var read = await fixture.Kubectl.RunAsync($"get httproutes.v1.gateway.networking.k8s.io beta -n {ns} -o jsonpath={{.apiVersion}}");
        Assert.Equal("gateway.networking.k8s.io/v1", read.Stdout);
    }
}
