using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.Seeding;

/// <summary>One read-only workload object the sandbox seeds (Deployment, Pod, Service, ServiceAccount).</summary>
internal sealed record SeededObject(ResourceKind Kind, JsonObject Object);
