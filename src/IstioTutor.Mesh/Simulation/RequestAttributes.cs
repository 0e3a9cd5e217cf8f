namespace IstioTutor.Mesh.Simulation;

/// <summary>What the destination's sidecar knows about a request when it authorizes it.</summary>
internal sealed record RequestAttributes(
    string? SourcePrincipal,
    string? RequestPrincipal,
    IReadOnlyDictionary<string, string> Claims,
    string Host,
    int Port,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The client pod's IP, when known (ipBlocks); null through a waypoint or for an unknown client.</summary>
    public string? SourceIp { get; init; }
}
