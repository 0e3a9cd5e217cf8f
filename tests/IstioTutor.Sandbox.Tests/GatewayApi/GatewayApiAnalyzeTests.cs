using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>istioctl analyze over a sandbox snapshot that holds Gateway API objects and the gateway pods Istio deployed.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class GatewayApiAnalyzeTests(GatewayApiFixture fixture)
{
    [KubectlFact]
    public async Task A_policy_selecting_the_deployed_gateway_pod_is_reported_as_an_ineffective_selector()
    {
        var ns = await fixture.NewNamespaceAsync("analyze");
        await fixture.ApplyAsync(ns, BookinfoGatewayApi.Gateway);
        var policy = await fixture.ApplyAsync(ns, """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: ingress-deny
            spec:
              selector:
                matchLabels:
                  gateway.networking.k8s.io/gateway-name: bookinfo-gateway
              action: DENY
              rules:
              - to:
                - operation:
                    paths: ["/admin"]

            """);
        Assert.True(policy.ExitCode == 0, policy.ToString());

        var messages = new MeshAnalyzer(new IstioValidator()).Analyze(await fixture.Cluster.SnapshotAsync(ns, CancellationToken.None));

        var message = Assert.Single(messages, m => m.Code == "IST0166");
        Assert.Equal($"AuthorizationPolicy {ns}/ingress-deny", message.Resource);
        Assert.Equal("Ineffective selector on Kubernetes Gateway bookinfo-gateway. Use the TargetRef field instead.", message.Message);
    }
}
