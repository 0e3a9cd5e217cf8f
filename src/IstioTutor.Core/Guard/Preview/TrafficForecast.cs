using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Mesh;

namespace IstioTutor.Core.Guard.Preview;

/// <summary>Says what the traffic simulator predicts for the hosts a change routes ("reviews: v1 50%, v3 50% over 200 requests").</summary>
public sealed class TrafficForecast
{
    public string? Describe(MeshSnapshot after, IReadOnlyList<PlannedChange> changes) => null;
}
