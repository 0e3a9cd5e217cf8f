using IstioTutor.Mesh.Cluster;
using k8s;

namespace IstioTutor.Sandbox.Tests.Fixtures;

/// <summary>Connects the seam to a server a test started itself.</summary>
internal sealed class FixedConnection(IKubernetes client) : IClusterConnection
{
    public string Description => "simulated sandbox";

    public bool IsSimulated => true;

    public Task<IKubernetes> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult(client);
}
