namespace IstioTutor.Mesh.Model;

/// <summary>The mTLS mode a workload's port ends up with, and the PeerAuthentication that decided it ("ns/name"), null for the mesh default.</summary>
public sealed record EffectiveMtls(MtlsMode Mode, string? Source);
