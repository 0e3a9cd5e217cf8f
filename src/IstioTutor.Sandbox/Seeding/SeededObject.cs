using System.Text.Json.Nodes;
using IstioTutor.Core.Mesh;

namespace IstioTutor.Sandbox.Seeding;

/// <summary>One read-only workload object the sandbox seeds (Deployment, Pod, Service, ServiceAccount).</summary>
internal sealed record SeededObject(ResourceKind Kind, JsonObject Object);
