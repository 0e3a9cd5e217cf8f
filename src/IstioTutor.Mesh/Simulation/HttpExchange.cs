using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>How a single simulated request ended: an HTTP response, or a failure before any response.</summary>
public enum ExchangeOutcome
{
    /// <summary>An HTTP response came back (from the app, or a proxy's own reply such as 503 or 403).</summary>
    Answered,

    /// <summary>The server side reset the connection (STRICT mTLS met a client without a sidecar): curl's 56.</summary>
    ConnectionReset,

    /// <summary>Nothing listens (a Service without pods, reached without a sidecar): curl's 7.</summary>
    ConnectionRefused,

    /// <summary>No Service, ServiceEntry or route knows the host: curl's 6.</summary>
    UnknownHost,
}

/// <summary>
/// One simulated request and its response, as the client sees it, with what happened on the way
/// (for a shell's curl, an access log line, or a trace in chat). Always a prediction from configuration.
/// </summary>
public sealed record HttpExchange(
    HttpCall Call,
    ExchangeOutcome Outcome,
    int Status,
    string? ResponseFlag,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    double DurationMs)
{
    /// <summary>The pod that answered (null: a proxy answered, or nothing did).</summary>
    public WorkloadInfo? Upstream { get; init; }

    /// <summary>Envoy's cluster name for the hop ("outbound|9080|v1|reviews.default.svc.cluster.local").</summary>
    public string? UpstreamCluster { get; init; }

    /// <summary>The host the request resolved to (FQDN, or the Host header at a gateway).</summary>
    public string? Authority { get; init; }

    /// <summary>"VirtualService ns/name rule #0", or null when no route configuration applied.</summary>
    public string? Route { get; init; }

    /// <summary>Whether the hop to the upstream was mutual TLS.</summary>
    public bool MutualTls { get; init; }

    /// <summary>The request headers as the upstream app received them (after route edits and Envoy's own).</summary>
    public IReadOnlyDictionary<string, string> UpstreamRequestHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The x-request-id Envoy gave the request.</summary>
    public string RequestId { get; init; } = "";

    public int Attempts { get; init; } = 1;

    public IReadOnlyList<string> Trace { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];
}
