using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Hosting;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Hosting;

/// <summary>A second IstioTutor on the same data directory shares the running sandbox, with the token it reads from the kubeconfig.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxReuseTests(SandboxFixture fixture)
{
    [Fact]
    public async Task A_second_embedded_sandbox_reuses_the_running_server_with_the_kubeconfig_token()
    {
        await using var second = new EmbeddedSandbox(fixture.Data, [new RequireHostsValidator()]);
        using var connection = new EmbeddedClusterConnection(second);
        var ns = fixture.NewNamespace("reuse");

        var endpoint = await second.StartAsync(CancellationToken.None);
        await new KubernetesMeshCluster(connection).CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("shared", "reviews"), false, CancellationToken.None);

        Assert.Equal((fixture.Address, fixture.Token), (endpoint.Address, endpoint.Token));
        Assert.NotNull(await fixture.Cluster.GetAsync(ResourceKinds.VirtualService, ns, "shared", CancellationToken.None));
    }
}
