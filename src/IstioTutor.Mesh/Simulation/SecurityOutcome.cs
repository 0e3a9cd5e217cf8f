namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// How the destination's proxy treated the connection and request: 200 lets it through to the app;
/// otherwise the status (0: connection reset, as a client without a sidecar sees STRICT mTLS), Envoy's
/// response flag and the step for the trace. <see cref="MutualTls"/> says whether the hop was mTLS.
/// </summary>
internal sealed record SecurityOutcome(int Status, string? Flag, double LatencyMs, string Step, bool MutualTls = false)
{
    public bool Allowed => Status == 200;
}
