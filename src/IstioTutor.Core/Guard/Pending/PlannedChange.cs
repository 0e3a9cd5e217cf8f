using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Pending;

/// <summary>
/// One write a preview showed: the object as it will be written (null for a delete) and the live object's
/// resourceVersion at preview time (null when it did not exist), so a confirmation applies exactly what
/// was previewed or nothing.
/// </summary>
public sealed record PlannedChange(
    ChangeVerb Verb,
    ResourceKind Kind,
    string Namespace,
    string Name,
    JsonObject? Desired,
    string? ExpectedResourceVersion);
