using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Tests.Fixtures;
using k8s;

namespace IstioTutor.Sandbox.Tests.Server;

/// <summary>The LiteDB file keeps every sandbox across a restart of the server.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "istiotutor-persist-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_keeps_objects_namespaces_and_the_resource_version_counter()
    {
        var store = Path.Combine(_directory, "sandbox.db");
        string resourceVersion;
        await using (var first = await SandboxServer.StartAsync(store, 0, new RequireHostsValidator(), null, CancellationToken.None))
        {
            var cluster = Connect(first);
            await cluster.CreateAsync(ResourceKinds.VirtualService, "learn-persist", Manifests.VirtualService("reviews", "reviews"), false, CancellationToken.None);
            resourceVersion = (string)(await cluster.GetAsync(ResourceKinds.VirtualService, "learn-persist", "reviews", CancellationToken.None))!["metadata"]!["resourceVersion"]!;
        }

        await using var second = await SandboxServer.StartAsync(store, 0, new RequireHostsValidator(), null, CancellationToken.None);
        var again = Connect(second);
        var kept = await again.GetAsync(ResourceKinds.VirtualService, "learn-persist", "reviews", CancellationToken.None);
        var next = await again.CreateAsync(ResourceKinds.DestinationRule, "learn-persist", Manifests.DestinationRule("reviews", "reviews"), false, CancellationToken.None);

        Assert.Equal(resourceVersion, (string?)kept!["metadata"]!["resourceVersion"]);
        Assert.Equal(6, (await again.ListAsync(ResourceKinds.Pod, "learn-persist", null, CancellationToken.None)).Count);
        Assert.True(long.Parse((string)next["metadata"]!["resourceVersion"]!) > long.Parse(resourceVersion));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static KubernetesMeshCluster Connect(SandboxServer server) =>
        new(new FixedConnection(new Kubernetes(server.Endpoint.ToClientConfiguration())));
}
