using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>The GatewayClasses an Istio install creates, and what the API server fills in for Gateway API objects.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class GatewayClassTests(GatewayApiFixture fixture)
{
    [KubectlFact]
    public async Task Istios_gateway_classes_are_listed_with_their_controllers()
    {
        var result = await fixture.Kubectl.RunAsync(["get", "gatewayclasses", "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.controllerName}{\"\\n\"}{end}"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["istio=istio.io/gateway-controller", "istio-remote=istio.io/unmanaged-gateway", "istio-waypoint=istio.io/mesh-controller"],
            result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [KubectlFact]
    public async Task The_istio_gateway_class_is_accepted_by_istios_controller()
    {
        var result = await fixture.Kubectl.RunAsync(["get", "gc", "istio", "-o", "jsonpath={.spec.description}|{.status.conditions[0].reason}|{.status.conditions[0].message}"]);

        Assert.Equal("The default Istio GatewayClass|Accepted|Handled by Istio controller", result.Stdout);
    }

    [KubectlFact]
    public async Task A_deleted_builtin_gateway_class_is_put_back_by_istios_class_controller()
    {
        var deleted = await fixture.Kubectl.RunAsync("delete gatewayclass istio-remote");

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var result = await fixture.Kubectl.RunAsync("get gatewayclass istio-remote -o name");
        Assert.Equal("gatewayclass.gateway.networking.k8s.io/istio-remote", result.Stdout.Trim());
    }

    [KubectlFact]
    public async Task A_gateway_classs_controller_name_is_immutable()
    {
        var result = await fixture.Kubectl.RunAsync(["patch", "gatewayclass", "istio-waypoint", "--type=merge", "-p", "{\"spec\":{\"controllerName\":\"example.com/other\"}}"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("spec.controllerName: Invalid value: \"string\": Value is immutable", result.Stderr);
        Assert.Equal("istio.io/mesh-controller", (await fixture.Kubectl.RunAsync("get gc istio-waypoint -o jsonpath={.spec.controllerName}")).Stdout);
    }

    [KubectlFact]
    public async Task A_gateway_of_a_class_no_controller_claims_keeps_the_schemas_pending_status()
    {
        var ns = await fixture.NewNamespaceAsync("gcpending");

        await fixture.ApplyAsync(ns, "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: other\nspec:\n  gatewayClassName: nginx\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n");

        Assert.Equal("Unknown/Pending/Waiting for controller", await fixture.JsonPathAsync(ns, "gtw/other", "{.status.conditions[0].status}/{.status.conditions[0].reason}/{.status.conditions[0].message}"));
        var svc = await fixture.Kubectl.RunAsync($"get svc other-istio -n {ns}");
        Assert.NotEqual(0, svc.ExitCode);
    }

    [KubectlFact]
    public async Task The_api_server_fills_in_the_crd_defaults()
    {
        var ns = await fixture.NewNamespaceAsync("gcdefaults");

        await fixture.ApplyAsync(ns, BookinfoGatewayApi.ReviewsV1);

        Assert.Equal("Service/1", await fixture.JsonPathAsync(ns, "httproute/reviews", "{.spec.rules[0].backendRefs[0].kind}/{.spec.rules[0].backendRefs[0].weight}"));
        Assert.Equal("PathPrefix /", await fixture.JsonPathAsync(ns, "httproute/reviews", "{.spec.rules[0].matches[0].path.type} {.spec.rules[0].matches[0].path.value}"));
    }

    [KubectlFact]
    public async Task Applying_the_same_manifest_again_changes_nothing()
    {
        var ns = await fixture.NewNamespaceAsync("gcsame");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);
        var before = await fixture.JsonPathAsync(ns, "httproute/bookinfo", "{.metadata.resourceVersion}");

        // kubectl sends the lists again (the stored ones hold the CRD defaults), as it does on a cluster.
        var again = await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, await fixture.JsonPathAsync(ns, "httproute/bookinfo", "{.metadata.resourceVersion}"));
        Assert.Equal("1", await fixture.JsonPathAsync(ns, "httproute/bookinfo", "{.metadata.generation}"));
    }
}
