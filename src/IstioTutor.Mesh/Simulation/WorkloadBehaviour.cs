namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// How a destination workload misbehaves in a simulation, for retry, timeout and outlier-detection
/// labs: the share of requests it answers with <paramref name="FailureStatus"/> and extra latency it adds.
/// </summary>
public sealed record WorkloadBehaviour(double FailureRate = 0, int FailureStatus = 503, double ExtraLatencyMs = 0);
