namespace IstioTutor.Mesh.Simulation;

/// <summary>How many requests reached one destination workload (service, subset, version, pod).</summary>
public sealed record DestinationCount(string Service, string? Subset, string? Version, string Workload, int Count);
