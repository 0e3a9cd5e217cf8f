using k8s;
using k8s.Exceptions;

namespace IstioTutor.Mesh.Cluster;

/// <summary>Connects KubernetesClient to a real cluster named by a kubeconfig file and context.</summary>
public sealed class KubeconfigClusterConnection : IClusterConnection, IDisposable
{
    private readonly Lazy<Kubernetes> _client;

    public KubeconfigClusterConnection(MeshOptions options)
    {
        var path = options.ResolvedKubeconfig();
        var context = string.IsNullOrWhiteSpace(options.Context) ? null : options.Context;
        Description = $"kubernetes cluster (context {context ?? "current-context"} of {path})";
        _client = new Lazy<Kubernetes>(() =>
        {
            try
            {
                return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context));
            }
            catch (KubeConfigException e)
            {
                throw new MeshApiException(500, "InternalError", $"Mesh:Kubeconfig '{path}' (context {context ?? "current-context"}) cannot be used: {e.Message}");
            }
        });
    }

    public string Description { get; }

    public bool IsSimulated => false;

    public Task<IKubernetes> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IKubernetes>(_client.Value);

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
