using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>The status subresource of the configuration kinds: status alone changes there, and Istio's controller owns Gateway API status.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class StatusSubresourceTests(GatewayApiFixture fixture)
{
    [KubectlFact]
    public async Task Status_is_read_through_the_subresource()
    {
        var ns = await fixture.NewNamespaceAsync("subget");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        var result = await fixture.Kubectl.RunAsync(["get", "gtw", "bookinfo-gateway", "-n", ns, "--subresource=status", "-o", "jsonpath={.status.conditions[?(@.type==\"Programmed\")].status}"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("True", result.Stdout);
    }

    [KubectlFact]
    public async Task A_status_patch_changes_status_but_not_spec_or_generation()
    {
        var ns = await fixture.NewNamespaceAsync("subpatch");
        var applied = await fixture.ApplyAsync(ns, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n");
        Assert.True(applied.ExitCode == 0, applied.ToString());

        var patched = await fixture.Kubectl.RunAsync(["patch", "vs", "reviews", "-n", ns, "--subresource=status", "--type=merge", "-p", "{\"status\":{\"observedGeneration\":1},\"spec\":{\"hosts\":[\"ratings\"]}}"]);

        Assert.True(patched.ExitCode == 0, patched.ToString());
        Assert.Equal("1 reviews 1", await fixture.JsonPathAsync(ns, "vs/reviews", "{.status.observedGeneration} {.spec.hosts[0]} {.metadata.generation}"));
    }

    [KubectlFact]
    public async Task Gateway_status_written_by_a_client_is_put_back_by_istios_controller()
    {
        var ns = await fixture.NewNamespaceAsync("subgw");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);

        var patched = await fixture.Kubectl.RunAsync(["patch", "gtw", "bookinfo-gateway", "-n", ns, "--subresource=status", "--type=merge", "-p", "{\"status\":{\"conditions\":[]}}"]);

        Assert.True(patched.ExitCode == 0, patched.ToString());
        Assert.Equal("True", await fixture.JsonPathAsync(ns, "gtw/bookinfo-gateway", "{.status.conditions[?(@.type==\"Programmed\")].status}"));
    }
}
