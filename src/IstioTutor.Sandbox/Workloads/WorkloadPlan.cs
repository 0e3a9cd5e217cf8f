using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Workloads;

/// <summary>What reconciling a Deployment changes: its new status, pods to add and remove, events to record.</summary>
internal sealed record WorkloadPlan(JsonObject Status, IReadOnlyList<JsonObject> PodsToCreate, IReadOnlyList<string> PodsToDelete, IReadOnlyList<JsonObject> Events);
