namespace IstioTutor.Mesh.Simulation;

/// <summary>A host that receives a copy of the given share of a route's requests.</summary>
internal sealed record MirrorTarget(string Host, double Percent);
