namespace IstioTutor.Mesh.Cluster;

public enum PatchKind
{
    /// <summary>RFC 7386, application/merge-patch+json.</summary>
    Merge,

    /// <summary>RFC 6902, application/json-patch+json.</summary>
    Json,
}
