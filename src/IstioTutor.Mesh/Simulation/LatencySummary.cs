namespace IstioTutor.Mesh.Simulation;

/// <summary>Latency percentiles of the simulated requests, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double Max);
