namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// One HTTP request as a client sends it: from <see cref="Source"/> (a pod name or app label; null for a
/// client pod without a sidecar) to <see cref="Host"/> on <see cref="Port"/> (the Service's first port when null).
/// </summary>
public sealed record HttpCall(string? Source, string Host)
{
    public int? Port { get; init; }

    public string Method { get; init; } = "GET";

    /// <summary>Path with optional query string ("/headers?x=1").</summary>
    public string Path { get; init; } = "/";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Body { get; init; }

    public SimulatedJwt? Jwt { get; init; }

    /// <summary>Distinguishes requests (x-request-id, load-balancing and fault draws); the same seed gives the same answer.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Misbehaving workloads by pod name, "app/version" or app, as in <see cref="SimulationRequest.Behaviours"/>.</summary>
    public IReadOnlyDictionary<string, WorkloadBehaviour> Behaviours { get; init; } = new Dictionary<string, WorkloadBehaviour>();
}
