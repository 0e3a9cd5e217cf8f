namespace IstioTutor.Core.Mesh.Istio.Simulation;

/// <summary>Latency percentiles of the simulated requests, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double Max);
