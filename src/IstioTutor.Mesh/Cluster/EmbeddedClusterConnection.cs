using k8s;

namespace IstioTutor.Mesh.Cluster;

/// <summary>Connects KubernetesClient to the in-process sandbox over loopback HTTPS, pinning its certificate and sending its bearer token, starting it on first use.</summary>
public sealed class EmbeddedClusterConnection(IEmbeddedSandbox sandbox) : IClusterConnection, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Kubernetes? client;

    public string Description => "simulated sandbox";

    public bool IsSimulated => true;

    public async Task<IKubernetes> ConnectAsync(CancellationToken cancellationToken)
    {
        if (client is not null)
        {
            return client;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var endpoint = await sandbox.StartAsync(cancellationToken);
            return client ??= new Kubernetes(endpoint.ToClientConfiguration());
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        client?.Dispose();
        gate.Dispose();
    }
}
