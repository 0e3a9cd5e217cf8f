using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard;

/// <summary>Objects read from the actor's namespace, and which cluster they came from.</summary>
public sealed record ReadResult(string Namespace, ResourceKind Kind, IReadOnlyList<JsonObject> Items, string Cluster);
