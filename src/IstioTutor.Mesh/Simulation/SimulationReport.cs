namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// The outcome of a simulation. Always simulated: <see cref="Source"/> says so, so answers can tell the
/// learner it is a prediction, not measured traffic. Status 0 means the connection was reset before
/// any HTTP response (what curl prints as 000).
/// </summary>
public sealed record SimulationReport(
    SimulationRequest Request,
    string Host,
    string? VirtualService,
    int Requests,
    IReadOnlyList<DestinationCount> Destinations,
    IReadOnlyDictionary<int, int> StatusCodes,
    IReadOnlyDictionary<string, int> ResponseFlags,
    LatencySummary Latency,
    IReadOnlyList<RequestTrace> Traces,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, int> Mirrored)
{
    public string Source => "simulator";

    public int CountOf(int status) => StatusCodes.TryGetValue(status, out var n) ? n : 0;

    /// <summary>Requests that reached workloads of the given version label ("v2").</summary>
    public int ToVersion(string version) => Destinations.Where(d => d.Version == version).Sum(d => d.Count);
}
