namespace IstioTutor.Mesh.Cluster;

/// <summary>Which cluster <see cref="IMeshCluster"/> talks to (<c>Mesh:Mode</c>).</summary>
public enum MeshMode
{
    /// <summary>The simulated sandbox, started in-process on a free loopback port (zero setup).</summary>
    Embedded,

    /// <summary>A real cluster reached through <c>Mesh:Kubeconfig</c> and <c>Mesh:Context</c>.</summary>
    Kubeconfig,
}
