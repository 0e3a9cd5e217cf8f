using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>
/// Validates an Istio object the way Istio's admission webhook does. The sandbox API server calls it
/// on every write (422 Invalid with the causes); previews call it before a dry run.
/// </summary>
public interface IResourceValidator
{
    ValidationOutcome Validate(ResourceKind kind, JsonObject resource);
}

/// <summary>Errors block the write; warnings are returned to the client as Kubernetes warnings.</summary>
public sealed record ValidationOutcome(IReadOnlyList<FieldCause> Errors, IReadOnlyList<string> Warnings)
{
    public static ValidationOutcome Valid { get; } = new([], []);

    public bool IsValid => Errors.Count == 0;
}
