using k8s;

namespace IstioTutor.Mesh.Cluster;

/// <summary>How <see cref="KubernetesMeshCluster"/> reaches its cluster: the embedded sandbox or a kubeconfig.</summary>
public interface IClusterConnection
{
    string Description { get; }

    bool IsSimulated { get; }

    Task<IKubernetes> ConnectAsync(CancellationToken cancellationToken);
}
