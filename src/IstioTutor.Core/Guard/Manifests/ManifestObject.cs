using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Manifests;

/// <summary>A manifest document that passed the guard's checks: its kind, name and the object as it will be written.</summary>
internal sealed record ManifestObject(ManifestDocument Document, ResourceKind Kind, JsonObject Desired, string Name);
