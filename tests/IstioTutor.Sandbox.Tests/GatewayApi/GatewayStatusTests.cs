using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>Istio's Bookinfo Gateway API samples applied with the real kubectl; the status Istio's controller writes read back.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class GatewayStatusTests(GatewayApiFixture fixture)
{
    [KubectlFact]
    public async Task Bookinfo_gateway_sample_applies_and_the_gateway_is_programmed_with_an_address()
    {
        var ns = await fixture.NewNamespaceAsync("gw");

        var applied = await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal("", applied.Stderr);
        Assert.Contains("gateway.gateway.networking.k8s.io/bookinfo-gateway created", applied.Stdout);
        Assert.Contains("httproute.gateway.networking.k8s.io/bookinfo created", applied.Stdout);
        Assert.Equal("True", await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.conditions[?(@.type==\"Programmed\")].status}"));
        Assert.Equal("True", await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.conditions[?(@.type==\"Accepted\")].status}"));
        Assert.Equal(
            $"Resource programmed, assigned to service(s) bookinfo-gateway-istio.{ns}.svc.cluster.local:80",
            await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.conditions[?(@.type==\"Programmed\")].message}"));
        Assert.Matches(@"^172\.18\.255\.\d+$", await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.addresses[0].value}"));
    }

    [KubectlFact]
    public async Task The_gateway_address_is_its_generated_services_load_balancer_address()
    {
        var ns = await fixture.NewNamespaceAsync("gwaddr");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        var address = await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.addresses[0].value}");

        Assert.Equal(address, await fixture.JsonPathAsync(ns, "svc/bookinfo-gateway-istio", "{.status.loadBalancer.ingress[0].ip}"));
    }

    [KubectlFact]
    public async Task Annotating_the_service_type_as_istio_io_teaches_makes_the_gateway_address_its_cluster_ip()
    {
        var ns = await fixture.NewNamespaceAsync("gwtype");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        var annotated = await fixture.Kubectl.RunAsync($"annotate gateway bookinfo-gateway networking.istio.io/service-type=ClusterIP -n {ns}");

        Assert.True(annotated.ExitCode == 0, annotated.ToString());
        Assert.Equal("ClusterIP", await fixture.JsonPathAsync(ns, "svc/bookinfo-gateway-istio", "{.spec.type}"));
        Assert.Equal(await fixture.JsonPathAsync(ns, "svc/bookinfo-gateway-istio", "{.spec.clusterIP}"), await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.addresses[0].value}"));
    }

    [KubectlFact]
    public async Task The_generated_service_deployment_and_pod_carry_the_gateway_labels()
    {
        var ns = await fixture.NewNamespaceAsync("gwgen");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        Assert.Equal("bookinfo-gateway", await fixture.JsonPathAsync(ns, "svc/bookinfo-gateway-istio", "{.metadata.labels.gateway\\.networking\\.k8s\\.io/gateway-name}"));
        Assert.Equal("istio.io-gateway-controller", await fixture.JsonPathAsync(ns, "deploy/bookinfo-gateway-istio", "{.metadata.labels.gateway\\.istio\\.io/managed}"));
        Assert.Equal("LoadBalancer", await fixture.JsonPathAsync(ns, "svc/bookinfo-gateway-istio", "{.spec.type}"));
        Assert.Equal("15021 80", await fixture.JsonPathAsync(ns, "svc/bookinfo-gateway-istio", "{.spec.ports[*].port}"));
        var pods = await fixture.Kubectl.RunAsync($"get pods -n {ns} -l gateway.networking.k8s.io/gateway-name=bookinfo-gateway -o name");
        Assert.True(pods.ExitCode == 0, pods.ToString());
        Assert.StartsWith("pod/bookinfo-gateway-istio-", pods.Stdout.Trim());
    }

    [KubectlFact]
    public async Task Deleting_the_gateway_removes_its_generated_objects()
    {
        var ns = await fixture.NewNamespaceAsync("gwdel");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        var deleted = await fixture.Kubectl.RunAsync($"delete gtw bookinfo-gateway -n {ns}");

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var left = await fixture.Kubectl.RunAsync($"get svc,deploy,pods -n {ns} -l gateway.networking.k8s.io/gateway-name=bookinfo-gateway -o name");
        Assert.Equal("", left.Stdout.Trim());
    }

    [KubectlFact]
    public async Task A_server_dry_run_creates_no_gateway_proxy()
    {
        var ns = await fixture.NewNamespaceAsync("gwdry");

        var applied = await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway, "--dry-run=server");

        Assert.True(applied.ExitCode == 0, applied.ToString());
        var svc = await fixture.Kubectl.RunAsync($"get svc bookinfo-gateway-istio -n {ns}");
        Assert.NotEqual(0, svc.ExitCode);
        Assert.Contains("not found", svc.Stderr);
    }

    [KubectlFact]
    public async Task The_bookinfo_route_is_accepted_by_istios_controller_with_all_references_resolved()
    {
        var ns = await fixture.NewNamespaceAsync("gwroute");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        Assert.Equal("istio.io/gateway-controller", await fixture.JsonPathAsync(ns, "httproute/bookinfo", "{.status.parents[0].controllerName}"));
        Assert.Equal("Accepted:True:Route was valid ResolvedRefs:True:All references resolved", await Conditions(ns, "httproute/bookinfo"));
        Assert.Equal("bookinfo-gateway Gateway gateway.networking.k8s.io", await fixture.JsonPathAsync(ns, "httproute/bookinfo", "{.status.parents[0].parentRef.name}{\" \"}{.status.parents[0].parentRef.kind}{\" \"}{.status.parents[0].parentRef.group}"));
    }

    [KubectlFact]
    public async Task The_listener_counts_the_attached_route()
    {
        var ns = await fixture.NewNamespaceAsync("gwattach");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        Assert.Equal("http:1", await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{range .status.listeners[*]}{.name}:{.attachedRoutes}{end}"));
        Assert.Equal("HTTPRoute GRPCRoute", await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.listeners[0].supportedKinds[*].kind}"));
    }

    [KubectlFact]
    public async Task Every_bookinfo_route_sample_applies_and_binds_to_its_service()
    {
        var ns = await fixture.NewNamespaceAsync("gwsamples");
        fixture.SeedVersionServices(ns);

        foreach (var sample in new[] { BookinfoGatewayApi.AllV1, BookinfoGatewayApi.ReviewsV1, BookinfoGatewayApi.Reviews50V3, BookinfoGatewayApi.Reviews90To10, BookinfoGatewayApi.ReviewsV3 })
        {
            var applied = await fixture.ApplyAsync(ns, sample);
            Assert.True(applied.ExitCode == 0 && applied.Stderr.Length == 0, applied.ToString());
            Assert.Equal("Accepted:True:Route was valid ResolvedRefs:True:All references resolved", await Conditions(ns, "httproute/reviews"));
        }

        Assert.Equal("Service reviews 9080", await fixture.JsonPathAsync(ns, "httproute/reviews", "{.status.parents[0].parentRef.kind}{\" \"}{.status.parents[0].parentRef.name}{\" \"}{.status.parents[0].parentRef.port}"));
        Assert.Equal("reviews-v3", await fixture.JsonPathAsync(ns, "httproute/reviews", "{.spec.rules[0].backendRefs[*].name}"));
    }

    [KubectlFact]
    public async Task A_route_to_a_version_service_that_does_not_exist_reports_BackendNotFound()
    {
        var ns = await fixture.NewNamespaceAsync("gwnobackend");

        await fixture.ApplyAsync(ns, BookinfoGatewayApi.ReviewsV1);

        Assert.Equal($"Accepted:True:Route was valid ResolvedRefs:False:backend(reviews-v1.{ns}.svc.cluster.local) not found", await Conditions(ns, "httproute/reviews"));
        Assert.Equal("BackendNotFound", await Reason(ns, "httproute/reviews", "ResolvedRefs"));
    }

    [KubectlFact]
    public async Task A_route_whose_parent_service_does_not_exist_reports_NoMatchingParent()
    {
        var ns = await fixture.NewNamespaceAsync("gwnoparent");

        await fixture.ApplyAsync(ns, BookinfoGatewayApi.ServiceRoute("reviewz", ("reviews", null)));

        Assert.Equal("NoMatchingParent", await Reason(ns, "httproute/reviewz", "Accepted"));
        Assert.Equal("parent service: \"reviewz\" not found", await Message(ns, "httproute/reviewz", "Accepted"));
    }

    [KubectlFact]
    public async Task A_route_naming_a_listener_the_gateway_lacks_reports_NoMatchingParent()
    {
        var ns = await fixture.NewNamespaceAsync("gwsection");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        await fixture.ApplyAsync(ns, Route("bad-section", "  - name: bookinfo-gateway\n    sectionName: https\n", "productpage"));

        Assert.Equal("NoMatchingParent", await Reason(ns, "httproute/bad-section", "Accepted"));
        Assert.Equal("sectionName \"https\" not found", await Message(ns, "httproute/bad-section", "Accepted"));
    }

    [KubectlFact]
    public async Task A_route_from_another_namespace_is_refused_by_a_same_namespace_listener()
    {
        var gatewayNs = await fixture.NewNamespaceAsync("gwsame");
        var routeNs = await fixture.NewNamespaceAsync("gwother");
        await fixture.ApplyAsync(gatewayNs, BookinfoGatewayApi.Gateway);

        await fixture.ApplyAsync(routeNs, Route("cross", $"  - name: bookinfo-gateway\n    namespace: {gatewayNs}\n", "productpage"));

        Assert.Equal("NotAllowedByListeners", await Reason(routeNs, "httproute/cross", "Accepted"));
        Assert.Equal($"hostnames matched parent hostname \"\", but namespace \"{routeNs}\" is not allowed by the parent", await Message(routeNs, "httproute/cross", "Accepted"));
    }

    [KubectlFact]
    public async Task Labelling_a_namespace_lets_a_selector_listener_accept_its_route()
    {
        var gatewayNs = await fixture.NewNamespaceAsync("gwsel");
        var routeNs = await fixture.NewNamespaceAsync("gwselr");
        await fixture.ApplyAsync(gatewayNs, SelectorGateway);
        await fixture.ApplyAsync(routeNs, Route("selected", $"  - name: shared\n    namespace: {gatewayNs}\n", "productpage"));
        Assert.Equal("NotAllowedByListeners", await Reason(routeNs, "httproute/selected", "Accepted"));

        var labelled = await fixture.Kubectl.RunAsync($"label namespace {routeNs} shared-gateway-access=true");

        Assert.True(labelled.ExitCode == 0, labelled.ToString());
        Assert.Equal("Accepted", await Reason(routeNs, "httproute/selected", "Accepted"));
        Assert.Equal("1", await fixture.JsonPathAsync(gatewayNs, "gtw/shared", "{.status.listeners[0].attachedRoutes}"));
    }

    [KubectlFact]
    public async Task A_route_whose_hostnames_miss_the_listener_hostname_reports_NoMatchingListenerHostname()
    {
        var ns = await fixture.NewNamespaceAsync("gwhost");
        await fixture.ApplyAsync(ns, HostGateway);

        await fixture.ApplyAsync(ns, Route("elsewhere", "  - name: hosted\n", "productpage", "  hostnames: [\"other.example.org\"]\n"));

        Assert.Equal("NoMatchingListenerHostname", await Reason(ns, "httproute/elsewhere", "Accepted"));
        Assert.Equal("no hostnames matched parent hostname \"bookinfo.example.com\"", await Message(ns, "httproute/elsewhere", "Accepted"));
    }

    [KubectlFact]
    public async Task A_route_kind_the_listener_does_not_allow_reports_NotAllowedByListeners()
    {
        var ns = await fixture.NewNamespaceAsync("gwkind");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        await fixture.ApplyAsync(ns, $"""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata:
              name: raw
            spec:
              parentRefs:
              - name: bookinfo-gateway
              rules:
              - backendRefs:
                - name: productpage
                  port: 9080

            """);

        Assert.Equal("NotAllowedByListeners", await Reason(ns, "tcproute/raw", "Accepted"));
        Assert.Equal("kind gateway.networking.k8s.io/v1alpha2/TCPRoute is not allowed", await Message(ns, "tcproute/raw", "Accepted"));
    }

    [KubectlFact]
    public async Task A_backend_in_another_namespace_without_a_reference_grant_reports_RefNotPermitted()
    {
        var ns = await fixture.NewNamespaceAsync("gwref");
        var other = await fixture.NewNamespaceAsync("gwrefto");

        await fixture.ApplyAsync(ns, CrossNamespaceRoute(other));

        Assert.Equal("RefNotPermitted", await Reason(ns, "httproute/reviews", "ResolvedRefs"));
        Assert.Equal($"backendRef reviews/{other} not accessible to a HTTPRoute in namespace \"{ns}\" (missing a ReferenceGrant?)", await Message(ns, "httproute/reviews", "ResolvedRefs"));
    }

    [KubectlFact]
    public async Task A_reference_grant_in_the_backends_namespace_resolves_the_cross_namespace_backend()
    {
        var ns = await fixture.NewNamespaceAsync("gwgrant");
        var other = await fixture.NewNamespaceAsync("gwgrantto");
        await fixture.ApplyAsync(ns, CrossNamespaceRoute(other));

        var granted = await fixture.ApplyAsync(other, $"""
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata:
              name: allow-routes
            spec:
              from:
              - group: gateway.networking.k8s.io
                kind: HTTPRoute
                namespace: {ns}
              to:
              - group: ""
                kind: Service

            """);

        Assert.True(granted.ExitCode == 0, granted.ToString());
        Assert.Equal("ResolvedRefs", await Reason(ns, "httproute/reviews", "ResolvedRefs"));
    }

    [KubectlFact]
    public async Task A_backend_of_an_unsupported_kind_reports_InvalidKind()
    {
        var ns = await fixture.NewNamespaceAsync("gwinvalidkind");

        await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: reviews
            spec:
              parentRefs:
              - group: ""
                kind: Service
                name: reviews
                port: 9080
              rules:
              - backendRefs:
                - group: example.com
                  kind: Bucket
                  name: reviews

            """);

        Assert.Equal("InvalidKind", await Reason(ns, "httproute/reviews", "ResolvedRefs"));
        Assert.Equal("referencing unsupported backendRef: group \"example.com\" kind \"Bucket\"", await Message(ns, "httproute/reviews", "ResolvedRefs"));
    }

    [KubectlFact]
    public async Task A_waypoint_gateway_is_programmed_on_a_service_named_after_it()
    {
        var ns = await fixture.NewNamespaceAsync("gwwaypoint");

        var applied = await fixture.ApplyAsync(ns, """
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

            """);

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal($"Resource programmed, assigned to service(s) waypoint.{ns}.svc.cluster.local:15008", await Message(ns, "gtw/waypoint", "Programmed"));
        Assert.Equal("ClusterIP istio.io-mesh-controller", await fixture.JsonPathAsync(ns, "svc/waypoint", "{.spec.type}{\" \"}{.metadata.labels.gateway\\.istio\\.io/managed}"));
        Assert.Equal(await fixture.JsonPathAsync(ns, "svc/waypoint", "{.spec.clusterIP}"), await fixture.JsonPathAsync(ns, "gtw/waypoint", "{.status.addresses[0].value}"));
    }

    [KubectlFact]
    public async Task A_listener_protocol_istio_does_not_support_is_not_accepted()
    {
        var ns = await fixture.NewNamespaceAsync("gwudp");

        await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: udp
            spec:
              gatewayClassName: istio
              listeners:
              - name: dns
                port: 53
                protocol: UDP

            """);

        Assert.Equal("UnsupportedProtocol", await fixture.JsonPathAsync(ns, "gtw/udp", "{.status.listeners[0].conditions[?(@.type==\"Accepted\")].reason}"));
        Assert.Equal("ListenersNotValid", await Reason(ns, "gtw/udp", "Accepted"));
        Assert.Equal("None of the Gateway's listeners are valid", await Message(ns, "gtw/udp", "Accepted"));
    }

    [KubectlFact]
    public async Task A_mirror_to_a_missing_service_reports_BackendNotFound()
    {
        var ns = await fixture.NewNamespaceAsync("gwmirror");

        await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: reviews
            spec:
              parentRefs:
              - group: ""
                kind: Service
                name: reviews
                port: 9080
              rules:
              - filters:
                - type: RequestMirror
                  requestMirror:
                    backendRef:
                      name: reviews-shadow
                      port: 9080
                backendRefs:
                - name: reviews
                  port: 9080

            """);

        Assert.Equal($"backend(reviews-shadow.{ns}.svc.cluster.local) not found", await Message(ns, "httproute/reviews", "ResolvedRefs"));
    }

    [KubectlFact]
    public async Task A_route_naming_a_port_the_gateway_lacks_reports_NoMatchingParent()
    {
        var ns = await fixture.NewNamespaceAsync("gwport");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        await fixture.ApplyAsync(ns, Route("bad-port", "  - name: bookinfo-gateway\n    port: 8080\n", "productpage"));

        Assert.Equal("port 8080 not found", await Message(ns, "httproute/bad-port", "Accepted"));
    }

    [KubectlFact]
    public async Task An_https_listener_whose_secret_the_sandbox_cannot_hold_reports_InvalidCertificateRef()
    {
        var ns = await fixture.NewNamespaceAsync("gwtls");

        await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: secure
            spec:
              gatewayClassName: istio
              listeners:
              - name: https
                hostname: bookinfo.example.com
                port: 443
                protocol: HTTPS
                tls:
                  mode: Terminate
                  certificateRefs:
                  - name: bookinfo-credential

            """);

        Assert.Equal(
            $"InvalidCertificateRef:invalid certificate reference /Secret/bookinfo-credential., secret {ns}/bookinfo-credential not found",
            await fixture.JsonPathAsync(ns, "gtw/secure", "{.status.listeners[0].conditions[?(@.type==\"ResolvedRefs\")].reason}:{.status.listeners[0].conditions[?(@.type==\"ResolvedRefs\")].message}"));
    }

    [KubectlFact]
    public async Task A_route_whose_parent_service_entry_does_not_exist_reports_NoMatchingParent()
    {
        var ns = await fixture.NewNamespaceAsync("gwse");

        await fixture.ApplyAsync(ns, Route("external", "  - group: networking.istio.io\n    kind: ServiceEntry\n    name: httpbin-ext\n", "productpage"));

        Assert.Equal("NoMatchingParent", await Reason(ns, "httproute/external", "Accepted"));
        Assert.Equal("parent service entry: \"httpbin-ext\" not found", await Message(ns, "httproute/external", "Accepted"));
    }

    [KubectlFact]
    public async Task A_hostname_backend_resolves_through_a_service_entry_created_after_the_route()
    {
        var ns = await fixture.NewNamespaceAsync("gwhostname");
        await fixture.ApplyAsync(ns, Route("egress", "  - group: \"\"\n    kind: Service\n    name: productpage\n    port: 9080\n", "httpbin.example.com").Replace("    - name: httpbin.example.com\n", "    - group: networking.istio.io\n      kind: Hostname\n      name: httpbin.example.com\n", StringComparison.Ordinal));
        Assert.Equal("backend(httpbin.example.com) not found", await Message(ns, "httproute/egress", "ResolvedRefs"));

        var entry = await fixture.ApplyAsync(ns, "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: httpbin\nspec:\n  hosts: [httpbin.example.com]\n  ports:\n  - number: 9080\n    name: http\n    protocol: HTTP\n  resolution: DNS\n");

        Assert.True(entry.ExitCode == 0, entry.ToString());
        Assert.Equal("All references resolved", await Message(ns, "httproute/egress", "ResolvedRefs"));
    }

    [KubectlFact]
    public async Task A_route_accepted_by_two_listeners_is_bound_to_two_parents()
    {
        var ns = await fixture.NewNamespaceAsync("gwtwo");
        await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: two
            spec:
              gatewayClassName: istio
              listeners:
              - name: http
                port: 80
                protocol: HTTP
              - name: alt
                port: 8080
                protocol: HTTP

            """);

        await fixture.ApplyAsync(ns, Route("both", "  - name: two\n", "productpage"));

        Assert.Equal("Route was valid, bound to 2 parents", await Message(ns, "httproute/both", "Accepted"));
        Assert.Equal("http:1 alt:1", (await fixture.JsonPathAsync(ns, "gtw/two", "{range .status.listeners[*]}{.name}:{.attachedRoutes} {end}")).Trim());
    }

    [KubectlFact]
    public async Task A_grpc_route_attaches_to_an_http_listener()
    {
        var ns = await fixture.NewNamespaceAsync("gwgrpc");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        var applied = await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata:
              name: ratings-grpc
            spec:
              parentRefs:
              - name: bookinfo-gateway
              rules:
              - matches:
                - method:
                    service: bookinfo.Ratings
                    method: Get
                backendRefs:
                - name: ratings
                  port: 9080

            """);

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal("Accepted", await Reason(ns, "grpcroute/ratings-grpc", "Accepted"));
        Assert.Equal("2", await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.listeners[0].attachedRoutes}"));
    }

    [KubectlFact]
    public async Task A_tls_route_attaches_to_a_passthrough_listener()
    {
        var ns = await fixture.NewNamespaceAsync("gwtlsroute");
        await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: passthrough
            spec:
              gatewayClassName: istio
              listeners:
              - name: tls
                hostname: "*.example.com"
                port: 443
                protocol: TLS
                tls:
                  mode: Passthrough

            """);

        var applied = await fixture.ApplyAsync(ns, """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata:
              name: secure
            spec:
              parentRefs:
              - name: passthrough
              hostnames: ["bookinfo.example.com"]
              rules:
              - backendRefs:
                - name: productpage
                  port: 9080

            """);

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal("Accepted", await Reason(ns, "tlsroute/secure", "Accepted"));
        Assert.Equal("TLSRoute", await fixture.JsonPathAsync(ns, "gtw/passthrough", "{.status.listeners[0].supportedKinds[*].kind}"));
    }

    [KubectlFact]
    public async Task Status_is_the_controllers_and_an_apply_cannot_overwrite_it()
    {
        var ns = await fixture.NewNamespaceAsync("gwstatus");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        var patched = await fixture.Kubectl.RunAsync($"patch httproute bookinfo -n {ns} --type=merge -p {{\"status\":{{\"parents\":[]}}}}");

        Assert.True(patched.ExitCode == 0, patched.ToString());
        Assert.Equal("Accepted", await Reason(ns, "httproute/bookinfo", "Accepted"));
    }

    private const string SelectorGateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: shared
        spec:
          gatewayClassName: istio
          listeners:
          - name: http
            port: 80
            protocol: HTTP
            allowedRoutes:
              namespaces:
                from: Selector
                selector:
                  matchLabels:
                    shared-gateway-access: "true"

        """;

    private const string HostGateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: hosted
        spec:
          gatewayClassName: istio
          listeners:
          - name: http
            hostname: bookinfo.example.com
            port: 80
            protocol: HTTP

        """;

    private static string CrossNamespaceRoute(string backendNamespace) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: reviews
        spec:
          parentRefs:
          - group: ""
            kind: Service
            name: reviews
            port: 9080
          rules:
          - backendRefs:
            - name: reviews
              namespace: {backendNamespace}
              port: 9080

        """;

    private static string Route(string name, string parentRefs, string backend, string hostnames = "") =>
        $"apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: {name}\nspec:\n{hostnames}  parentRefs:\n{parentRefs}  rules:\n  - backendRefs:\n    - name: {backend}\n      port: 9080\n";

    private Task<string> Reason(string ns, string resource, string type) =>
        fixture.JsonPathAsync(ns, resource, $"{{.status.parents[0].conditions[?(@.type==\"{type}\")].reason}}".Replace("parents[0].", resource.StartsWith("gtw/", StringComparison.Ordinal) ? "" : "parents[0].", StringComparison.Ordinal));

    private Task<string> Message(string ns, string resource, string type) =>
        fixture.JsonPathAsync(ns, resource, $"{{.status.parents[0].conditions[?(@.type==\"{type}\")].message}}".Replace("parents[0].", resource.StartsWith("gtw/", StringComparison.Ordinal) ? "" : "parents[0].", StringComparison.Ordinal));

    private async Task<string> Conditions(string ns, string resource) =>
        (await fixture.JsonPathAsync(ns, resource, "{range .status.parents[0].conditions[*]}{.type}:{.status}:{.message}{\"\\n\"}{end}")).Trim().Replace("\n", " ", StringComparison.Ordinal);
}
