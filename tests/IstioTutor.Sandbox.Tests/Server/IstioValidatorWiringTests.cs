using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Tests.Fixtures;
using k8s;

namespace IstioTutor.Sandbox.Tests.Server;

/// <summary>The sandbox wired to Istio's real validation rules (IstioValidator), as every door runs it.</summary>
public sealed class IstioValidatorWiringTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "istiotutor-istio-" + Guid.NewGuid().ToString("N"));
    private SandboxServer? _server;
    private KubernetesMeshCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(Path.Combine(_directory, "sandbox.db"), 0, new IstioValidator(), null, CancellationToken.None);
        _cluster = new KubernetesMeshCluster(new FixedConnection(new Kubernetes(_server.Endpoint.ToClientConfiguration())));
    }

    [Fact]
    public async Task A_negative_route_weight_is_refused_with_istios_message_naming_the_field()
    {
        var vs = Manifests.VirtualService("reviews", "reviews");
        vs["spec"]!["http"]![0]!["route"]![0]!["weight"] = -10;

        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.CreateAsync(ResourceKinds.VirtualService, "learn-istio", vs, false, CancellationToken.None));

        Assert.Equal(422, e.Code);
        Assert.StartsWith("admission webhook \"validation.istio.io\" denied the request: configuration is invalid:", e.Message);
        Assert.Contains(e.Causes, c => c.Field.Contains("weight", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_destination_rule_is_stored()
    {
        var created = await _cluster.CreateAsync(ResourceKinds.DestinationRule, "learn-istio", Manifests.DestinationRule("reviews", "reviews"), false, CancellationToken.None);

        Assert.Equal("reviews", (string?)created["spec"]!["host"]);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
