using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>A route's fault injection: the share of requests delayed and by how much, and the share aborted with which status.</summary>
internal sealed record FaultPolicy(double AbortPercent, int AbortStatus, double DelayPercent, double DelayMs)
{
    public static FaultPolicy None { get; } = new(0, 0, 0, 0);

    /// <summary>Reads <c>http[].fault</c>; a percentage left out means every request (Istio's default).</summary>
    public static FaultPolicy From(JsonObject? fault)
    {
        if (fault is null)
        {
            return None;
        }

        var abort = fault["abort"] as JsonObject;
        var delay = fault["delay"] as JsonObject;
        return new FaultPolicy(
            abort is null ? 0 : RequestPolicy.PercentOf(abort["percentage"]) ?? 100,
            JsonFields.Int(abort?["httpStatus"]) ?? 503,
            delay is null ? 0 : RequestPolicy.PercentOf(delay["percentage"]) ?? JsonFields.Int(delay["percent"]) ?? 0,
            GoDuration.ParseOrNull(JsonFields.Str(delay?["fixedDelay"]))?.TotalMilliseconds ?? 0);
    }
}
