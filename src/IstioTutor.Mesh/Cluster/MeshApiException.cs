namespace IstioTutor.Mesh.Cluster;

/// <summary>
/// A refusal by the cluster's API, shaped like a Kubernetes Status: HTTP code, reason
/// (NotFound, AlreadyExists, Conflict, Invalid, BadRequest, UnsupportedMediaType, Forbidden), the
/// message, and per-field causes for Invalid.
/// </summary>
public sealed class MeshApiException : Exception
{
    public MeshApiException(int code, string reason, string message, IReadOnlyList<FieldCause>? causes = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Causes = causes ?? [];
    }

    public MeshApiException()
        : this(500, "InternalError", "The cluster API failed.")
    {
    }

    public MeshApiException(string message)
        : this(500, "InternalError", message)
    {
    }

    public MeshApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
        Causes = [];
    }

    public int Code { get; }

    public string Reason { get; }

    public IReadOnlyList<FieldCause> Causes { get; }
}

/// <summary>One invalid field: its path ("spec.http[0].route[1].weight") and what is wrong.</summary>
public sealed record FieldCause(string Field, string Message);
