using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Labs.Grading;

/// <summary>
/// What a checker may look at: the learner's namespace snapshot, analyzer findings on it, their applied
/// changes, and the traffic simulator over the snapshot. Every simulation is noted, so the check result
/// can say exactly what was verified and how.
/// </summary>
public sealed class LabContext(
    MeshSnapshot snapshot,
    IReadOnlyList<AnalysisMessage> analysis,
    IReadOnlyList<AppliedChange> history,
    TrafficSimulator simulator,
    bool isSimulatedCluster,
    string clusterDescription)
{
    private readonly List<string> _verified = [];

    public string Namespace => Snapshot.Namespace;

    public MeshSnapshot Snapshot { get; } = snapshot;

    public IReadOnlyList<AnalysisMessage> Analysis { get; } = analysis;

    public IReadOnlyList<AppliedChange> History { get; } = history;

    public bool IsSimulatedCluster { get; } = isSimulatedCluster;

    public string ClusterDescription { get; } = clusterDescription;

    /// <summary>One line per simulation run, for the check's Method.</summary>
    public IReadOnlyList<string> Verified => _verified;

    /// <summary>The namespace's objects of one Istio kind.</summary>
    public IReadOnlyList<JsonObject> Config(string kind) =>
        Snapshot.IstioConfig.Where(o => JsonFields.Str(o["kind"]) == kind).ToList();

    /// <summary>Pods whose labels include all of <paramref name="selector"/>.</summary>
    public IReadOnlyList<JsonObject> PodsMatching(JsonObject? selector) =>
        Snapshot.Pods.Where(p => (selector ?? []).All(s => JsonFields.Str(p["metadata"]?["labels"]?[s.Key]) == JsonFields.Str(s.Value))).ToList();

    /// <summary>Analyzer errors and warnings about objects of the given kinds (all kinds when none given).</summary>
    public IReadOnlyList<AnalysisMessage> Problems(params string[] kinds) =>
        Analysis.Where(m => m.Level != AnalysisLevel.Info && (kinds.Length == 0 || kinds.Any(k => m.Resource.StartsWith(k + " ", StringComparison.Ordinal)))).ToList();

    /// <summary>Runs the simulator; null when the request cannot be simulated (e.g. an unknown host), with the reason noted.</summary>
    public SimulationReport? Simulate(SimulationRequest request, out string? error) => Simulate(request, Snapshot, out error);

    /// <summary>Runs the simulator over another view of the namespace (e.g. <see cref="AmbientView"/>), noted like any other run.</summary>
    public SimulationReport? Simulate(SimulationRequest request, MeshSnapshot on, out string? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(on);
        var what = $"{request.Requests} simulated requests {request.Source ?? "(client without sidecar)"} → {request.Host}"
            + (request.Headers.Count > 0 ? $" with {string.Join(", ", request.Headers.Select(h => $"{h.Key}: {h.Value}"))}" : "")
            + (request.Jwt is { } jwt ? $" with a {(jwt.Valid ? "valid" : "invalid")} JWT from {jwt.Issuer}" : "")
            + (request.Concurrency > 1 ? $" at concurrency {request.Concurrency}" : "")
            + (request.Behaviours.Count > 0 ? $" while {string.Join(", ", request.Behaviours.Select(b => $"{b.Key} fails {b.Value.FailureRate:P0}{(b.Value.ExtraLatencyMs > 0 ? $" and adds {b.Value.ExtraLatencyMs} ms" : "")}"))}" : "");
        try
        {
            var report = simulator.Simulate(on, request);
            _verified.Add(what);
            error = null;
            return report;
        }
        catch (ArgumentException e)
        {
            _verified.Add(what + " (could not run: " + e.Message + ")");
            error = e.Message;
            return null;
        }
    }

    public SimulationReport? Simulate(SimulationRequest request) => Simulate(request, out _);
}
