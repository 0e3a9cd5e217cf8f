using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Cluster;

/// <summary>
/// The one seam between IstioTutor and a cluster: the embedded simulated sandbox (over loopback HTTP)
/// or a real cluster from a kubeconfig, both through KubernetesClient. Failures are
/// <see cref="MeshApiException"/>s carrying the API's Status.
/// </summary>
public interface IMeshCluster
{
    /// <summary>"simulated" or "kubernetes (context NAME)": said in every answer that used the cluster.</summary>
    string Description { get; }

    /// <summary>True for the simulated sandbox, whose traffic can only be simulated.</summary>
    bool IsSimulated { get; }

    /// <summary>Creates the learner's namespace and seeds the sample app if it does not exist yet.</summary>
    Task EnsureNamespaceAsync(string ns, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> ListAsync(ResourceKind kind, string? ns, string? labelSelector, CancellationToken cancellationToken);

    Task<JsonObject?> GetAsync(ResourceKind kind, string ns, string name, CancellationToken cancellationToken);

    Task<JsonObject> CreateAsync(ResourceKind kind, string ns, JsonObject resource, bool dryRun, CancellationToken cancellationToken);

    /// <summary>PUT: <paramref name="resource"/> must carry the resourceVersion it was read at (409 Conflict otherwise).</summary>
    Task<JsonObject> ReplaceAsync(ResourceKind kind, string ns, JsonObject resource, bool dryRun, CancellationToken cancellationToken);

    Task<JsonObject> PatchAsync(ResourceKind kind, string ns, string name, JsonNode patch, PatchKind patchKind, bool dryRun, CancellationToken cancellationToken);

    Task DeleteAsync(ResourceKind kind, string ns, string name, bool dryRun, CancellationToken cancellationToken);

    /// <summary>The namespace's Istio config and workloads plus the root namespace's config.</summary>
    Task<MeshSnapshot> SnapshotAsync(string ns, CancellationToken cancellationToken);
}
