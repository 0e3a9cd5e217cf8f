using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Policy;

/// <summary>The Istio kind a manifest names, and a note when its apiVersion is an older one the CRD still serves.</summary>
public sealed record KindResolution(ResourceKind Kind, string? DatedNote);
