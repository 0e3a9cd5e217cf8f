using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.Api;

/// <summary>One resource type at one served version (VirtualService at v1beta1, say).</summary>
internal sealed record ServedResource(ResourceKind Kind, IReadOnlyList<string> Categories, ServedAccess Access)
{
    public string Group => Kind.Group;

    public string Version => Kind.Version;

    public string Plural => Kind.Plural;

    /// <summary>"virtualservices.networking.istio.io", or "pods" for the core group: how Status messages name it.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string GroupVersion => Kind.ApiVersion;
}

/// <summary>What clients may do with a served type.</summary>
internal enum ServedAccess
{
    /// <summary>Istio configuration: full CRUD, validated on every write.</summary>
    Writable,

    /// <summary>
    /// Workload kinds learners create with kubectl (Deployments, Services, ServiceAccounts, ConfigMaps); a Deployment
    /// runs through the workload runtime. What the sandbox seeded (Bookinfo, istio-system) stays read-only (403).
    /// </summary>
    Workload,

    /// <summary>Pods: made by the workload runtime from Deployments; every write is refused with 403.</summary>
    Pods,

    /// <summary>Namespaces: created and labelled by clients; system namespaces cannot be deleted.</summary>
    Namespaces,

    /// <summary>Events: recorded by the workload runtime, read-only to clients.</summary>
    Events,
}
