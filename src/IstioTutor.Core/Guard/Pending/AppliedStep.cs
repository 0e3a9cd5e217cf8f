using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Pending;

/// <summary>One object a confirmed change wrote: what it was before (null: did not exist) and after (null: deleted).</summary>
public sealed record AppliedStep(ResourceKind Kind, string Namespace, string Name, JsonObject? Before, JsonObject? After);
