namespace IstioTutor.Mesh.Simulation;

/// <summary>What happened to one request, step by step, and how it ended (status, Envoy response flag, latency).</summary>
public sealed record RequestTrace(int Index, IReadOnlyList<string> Steps, int Status, string? ResponseFlag, string? Workload, double LatencyMs);
