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

    /// <summary>Seeded workloads: readable, every write refused with 403.</summary>
    Seeded,

    /// <summary>Namespaces: created and labelled by clients; system namespaces cannot be deleted.</summary>
    Namespaces,

    /// <summary>Events: always an empty list (kubectl describe asks for them).</summary>
    Events,
}
