using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>How one request of a run ended: status (0: reset), Envoy's response flag, the pod reached and the latency.</summary>
internal sealed record RequestResult(int Status, string? Flag, ReachedPod? Reached, double LatencyMs)
{
    /// <summary>The app's own reply, when the run asked apps for bodies (single requests only).</summary>
    public AppReply? Reply { get; init; }

    /// <summary>The proxy's own answer (direct response, redirect).</summary>
    public DirectReply? Direct { get; init; }

    public UpstreamCluster? Cluster { get; init; }

    public bool MutualTls { get; init; }

    public int Attempts { get; init; } = 1;
}

/// <summary>The Service (and subset) a request reached and the pod that answered it.</summary>
internal sealed record ReachedPod(string Service, string? Subset, WorkloadInfo Pod);
