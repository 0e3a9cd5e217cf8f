using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>Which "gateway" kubectl means when both Istio's and the Gateway API's CRDs are served, as on a cluster with both.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class GatewayNameResolutionTests(GatewayApiFixture fixture)
{
    [KubectlFact]
    public async Task Plain_gateway_names_the_gateway_api_kind_and_the_group_qualified_name_istios()
    {
        var ns = await fixture.NewNamespaceAsync("names");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);
        await fixture.ApplyAsync(ns, "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: istio-api-gateway\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts: [\"*\"]\n");

        var plain = await fixture.Kubectl.RunAsync($"get gateway -n {ns} -o name");
        var istio = await fixture.Kubectl.RunAsync($"get gateways.networking.istio.io -n {ns} -o name");

        Assert.Equal("gateway.gateway.networking.k8s.io/bookinfo-gateway", plain.Stdout.Trim());
        Assert.Equal("gateway.networking.istio.io/istio-api-gateway", istio.Stdout.Trim());
    }
}
