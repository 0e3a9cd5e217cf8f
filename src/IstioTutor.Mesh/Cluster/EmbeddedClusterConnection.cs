using k8s;

namespace IstioTutor.Mesh.Cluster;

/// <summary>Connects KubernetesClient to the in-process sandbox over loopback HTTPS, pinning its certificate and sending its bearer token, starting it on first use.</summary>
public sealed class EmbeddedClusterConnection(IEmbeddedSandbox sandbox) : IClusterConnection, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Kubernetes? _client;

    public string Description => "simulated sandbox";

    public bool IsSimulated => true;

    public async Task<IKubernetes> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            return _client;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var endpoint = await sandbox.StartAsync(cancellationToken);
            return _client ??= new Kubernetes(endpoint.ToClientConfiguration());
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }
}
