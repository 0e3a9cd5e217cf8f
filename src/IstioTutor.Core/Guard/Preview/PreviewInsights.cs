using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Preview;

/// <summary>
/// Looks at the namespace as it would be after a change — the live snapshot with the planned objects
/// swapped in — and reports istioctl-analyze findings and what the traffic simulator predicts for the
/// hosts the change routes. Nothing is written.
/// </summary>
public sealed class PreviewInsights(IMeshCluster cluster, MeshAnalyzer analyzer, TrafficForecast forecast)
{
    public async Task<ChangeInsight> ExplainAsync(string ns, IReadOnlyList<PlannedChange> changes, CancellationToken cancellationToken)
    {
        var live = await cluster.SnapshotAsync(ns, cancellationToken);
        var after = Apply(live, changes);
        var findings = analyzer.Analyze(after).Select(m => m.ToString()).ToArray();
        var prediction = forecast.Describe(after, changes);
        return new ChangeInsight(findings, prediction);
    }

    /// <summary>The snapshot with each planned object replacing (or removing) its live counterpart.</summary>
    public static MeshSnapshot Apply(MeshSnapshot snapshot, IReadOnlyList<PlannedChange> changes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var config = snapshot.IstioConfig.ToList();
        foreach (var change in changes.Where(c => c.Namespace == snapshot.Namespace))
        {
            config.RemoveAll(o => JsonFields.Str(o["kind"]) == change.Kind.Kind && JsonFields.Name(o) == change.Name);
            if (change.Desired is not null)
            {
                config.Add(change.Desired.DeepClone().AsObject());
            }
        }

        return snapshot with { IstioConfig = config };
    }

    internal static IEnumerable<JsonObject> Touched(MeshSnapshot snapshot, IReadOnlyList<PlannedChange> changes) =>
        changes.Select(c => c.Desired).OfType<JsonObject>();
}
