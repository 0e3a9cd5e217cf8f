namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// What to send: from <see cref="Source"/> (a pod name or an app label such as "productpage"; null
/// for a client pod without a sidecar) to <see cref="Host"/> ("reviews", "reviews.learn-a", or a FQDN).
/// </summary>
public sealed record SimulationRequest(string Host)
{
    public string? Source { get; init; }

    /// <summary>Overrides whether the source has a sidecar; false sends plaintext and bypasses client-side routing.</summary>
    public bool? SourceHasSidecar { get; init; }

    /// <summary>Overrides the source's mTLS identity ("cluster.local/ns/NS/sa/SA").</summary>
    public string? SourcePrincipal { get; init; }

    /// <summary>Service port; the Service's first port when null.</summary>
    public int? Port { get; init; }

    public int Requests { get; init; } = 100;

    public string Method { get; init; } = "GET";

    /// <summary>Path with optional query string ("/reviews/0?x=1").</summary>
    public string Path { get; init; } = "/";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public SimulatedJwt? Jwt { get; init; }

    /// <summary>Requests in flight at once, for connection-pool limits (1 = sequential).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Misbehaving workloads by pod name, "app/version" or app.</summary>
    public IReadOnlyDictionary<string, WorkloadBehaviour> Behaviours { get; init; } = new Dictionary<string, WorkloadBehaviour>();

    public int Seed { get; init; } = 1;

    /// <summary>How many requests get a step-by-step trace in the report.</summary>
    public int TraceLimit { get; init; } = 3;

    public const int MaxRequests = 1_000_000;

    /// <summary>The headers with lower-case names, as Envoy sees them (HTTP/2 names are lower-case).</summary>
    internal Dictionary<string, string> LowerCaseHeaders() =>
        Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);
}
