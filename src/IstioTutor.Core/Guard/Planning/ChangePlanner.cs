using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Diff;
using IstioTutor.Core.Guard.Manifests;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Planning;

/// <summary>
/// Plans the four previews — apply, delete, undo, reset — for a request the guard has already checked.
/// Each object goes through one step: read it live, print both sides as YAML, diff them. Apply and delete
/// are also dry-run, so the API server's own checks speak before anything is stored. Nothing is written;
/// a plan with nothing to do is refused as input.
/// </summary>
internal sealed class ChangePlanner(IMeshCluster cluster)
{
    public async Task<ChangePlan> ApplyAsync(string ns, IReadOnlyList<ManifestObject> objects, IReadOnlyList<string> checkNotes, CancellationToken cancellationToken)
    {
        await cluster.EnsureNamespaceAsync(ns, cancellationToken);
        var notes = checkNotes.ToList();
        var planned = new List<ObjectPlan>();
        foreach (var o in objects)
        {
            var plan = await ReadAndDiffAsync(o.Kind, ns, o.Name, o.Desired, "preview", cancellationToken);
            await DryRunAsync(plan.Change!, o.Document.Where(), cancellationToken);
            if (plan.Diff.Length == 0)
            {
                notes.Add($"{o.Kind.Kind} {o.Name}: unchanged");
                continue;
            }

            planned.Add(plan);
        }

        if (planned.Count == 0)
        {
            throw GuardException.Input(
                "no-change",
                "Every object in the manifest already looks exactly like that in your sandbox; there is nothing to confirm.",
                "매니페스트의 모든 객체가 샌드박스에 이미 그대로 있습니다. 확인할 변경이 없습니다.");
        }

        var summary = string.Join(", ", planned.Select(p => $"{p.Change!.Verb.Present()} {p.Change.Kind.Kind}/{p.Change.Name}")) + $" in {ns}";
        return Plan(PendingPurpose.Apply, ns, planned, summary, notes);
    }

    public async Task<ChangePlan> DeleteAsync(ResourceKind kind, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await ReadAndDiffAsync(kind, ns, name, null, "preview", cancellationToken);
            if (plan.Change is null)
            {
                throw GuardException.Input(
                    "not-found",
                    $"There is no {kind.Kind} '{name}' in {ns}. List them with /get {kind.Plural}.",
                    $"{ns}에 {kind.Kind} '{name}'이(가) 없습니다. /get {kind.Plural} 로 목록을 보세요.");
            }

            await cluster.DeleteAsync(kind, ns, name, dryRun: true, cancellationToken);
            return Plan(PendingPurpose.Delete, ns, [plan], $"delete {kind.Kind}/{name} in {ns}", []);
        }
        catch (MeshApiException e)
        {
            throw new GuardException(ClusterRefusal.From("delete", e));
        }
    }

    /// <summary>Restores, newest write first, what <paramref name="last"/> replaced; objects already back as they were are left out.</summary>
    public async Task<ChangePlan> UndoAsync(string ns, AppliedChange last, CancellationToken cancellationToken)
    {
        var planned = new List<ObjectPlan>();
        foreach (var step in last.Steps.Reverse())
        {
            var restored = step.Before is null ? null : ObjectShapes.Authored(step.Kind, step.Before, step.Namespace);
            var plan = await ReadAndDiffAsync(step.Kind, step.Namespace, step.Name, restored, "undo", cancellationToken);
            if (plan.Change is not null)
            {
                planned.Add(plan);
            }
        }

        if (planned.Count == 0)
        {
            throw GuardException.Input(
                "nothing-to-undo",
                $"Your last change ({last.Summary}) is already reverted in the cluster.",
                $"마지막 변경({last.Summary})은 이미 클러스터에서 되돌려져 있습니다.");
        }

        return Plan(PendingPurpose.Undo, ns, planned, $"undo: {last.Summary}", [], last.Id);
    }

    /// <summary>Deletes every Istio and Gateway API object in <paramref name="ns"/>; workloads are never touched.</summary>
    public async Task<ChangePlan> ResetAsync(string ns, CancellationToken cancellationToken)
    {
        await cluster.EnsureNamespaceAsync(ns, cancellationToken);
        var planned = new List<ObjectPlan>();
        foreach (var kind in ResourceKinds.Config)
        {
            foreach (var live in await ListServedAsync(kind, ns, cancellationToken))
            {
                planned.Add(Diff(kind, ns, JsonFields.Name(live)!, live, null, "preview"));
            }
        }

        if (planned.Count == 0)
        {
            throw GuardException.Input(
                "already-clean",
                $"{ns} has no Istio configuration; it is already in its starting state.",
                $"{ns}에는 Istio 설정이 없습니다. 이미 처음 상태입니다.");
        }

        return Plan(PendingPurpose.Reset, ns, planned, $"reset {ns}: delete {planned.Count} Istio object(s)", []);
    }

    /// <summary>The one read → YAML → diff step every preview makes for each object.</summary>
    private async Task<ObjectPlan> ReadAndDiffAsync(ResourceKind kind, string ns, string name, JsonObject? desired, string label, CancellationToken cancellationToken) =>
        Diff(kind, ns, name, await cluster.GetAsync(kind, ns, name, cancellationToken), desired, label);

    /// <summary>
    /// The change that makes the live object (null: absent) look like <paramref name="desired"/> (null: absent),
    /// and its diff: an absent side is <c>/dev/null</c>, as in <c>diff -u</c>.
    /// </summary>
    private static ObjectPlan Diff(ResourceKind kind, string ns, string name, JsonObject? live, JsonObject? desired, string label)
    {
        var rv = ObjectShapes.ResourceVersion(live);
        ChangeVerb? verb = (desired, live) switch
        {
            (null, null) => null,
            (null, _) => ChangeVerb.Delete,
            (_, null) => ChangeVerb.Create,
            _ => ChangeVerb.Replace,
        };
        var change = verb is { } v ? new PlannedChange(v, kind, ns, name, desired, rv) : null;
        var diff = UnifiedDiff.Compute(
            live is null ? "" : YamlWriter.Write(ObjectShapes.Authored(kind, live, ns)),
            desired is null ? "" : YamlWriter.Write(desired),
            live is null ? "/dev/null" : $"live/{kind.Kind}/{name}",
            desired is null ? "/dev/null" : $"{label}/{kind.Kind}/{name}");
        return new ObjectPlan(change, diff);
    }

    private static ChangePlan Plan(PendingPurpose purpose, string ns, IReadOnlyList<ObjectPlan> planned, string summary, IReadOnlyList<string> notes, string? undoes = null)
    {
        var diff = new StringBuilder();
        foreach (var p in planned)
        {
            diff.Append(p.Diff);
        }

        return new ChangePlan(purpose, ns, planned.Select(p => p.Change!).ToList(), summary, diff.ToString(), notes, undoes);
    }

    private async Task DryRunAsync(PlannedChange change, string where, CancellationToken cancellationToken)
    {
        try
        {
            if (change.ExpectedResourceVersion is null)
            {
                await cluster.CreateAsync(change.Kind, change.Namespace, change.Desired!.DeepClone().AsObject(), dryRun: true, cancellationToken);
            }
            else
            {
                await cluster.ReplaceAsync(change.Kind, change.Namespace, ObjectShapes.WithResourceVersion(change.Desired!, change.ExpectedResourceVersion), dryRun: true, cancellationToken);
            }
        }
        catch (MeshApiException e)
        {
            throw new GuardException(ClusterRefusal.From(where, e));
        }
    }

    /// <summary>A cluster without some CRD (no Gateway API installed, an older Istio) has none of that kind.</summary>
    private async Task<IReadOnlyList<JsonObject>> ListServedAsync(ResourceKind kind, string ns, CancellationToken cancellationToken)
    {
        try
        {
            return await cluster.ListAsync(kind, ns, null, cancellationToken);
        }
        catch (MeshApiException e) when (e.Code == 404)
        {
            return [];
        }
    }

    /// <summary>One object's change (null: nothing to do) and its diff.</summary>
    private sealed record ObjectPlan(PlannedChange? Change, string Diff);
}
