using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Core.Guard.Execution;

/// <summary>
/// Applies a confirmed preview's writes in order, all or nothing: each write first checks that its object
/// still has the resourceVersion the preview saw, and when one fails the writes already made are restored,
/// newest first.
/// </summary>
internal sealed class ChangeExecutor(IMeshCluster cluster)
{
    public async Task<ExecutionOutcome> ExecuteAsync(IReadOnlyList<PlannedChange> changes, CancellationToken cancellationToken)
    {
        var done = new List<AppliedStep>();
        try
        {
            foreach (var change in changes)
            {
                done.Add(await ApplyOneAsync(change, cancellationToken));
            }
        }
        catch (Exception e) when (e is MeshApiException or GuardException)
        {
            await RollBackAsync(done, cancellationToken);
            var failed = changes[done.Count];
            var reason = e is GuardException g ? g.Refusal : ClusterRefusal.From($"{failed.Verb.Present()} {failed.Kind.Kind}/{failed.Name}", (MeshApiException)e);
            return new ExecutionOutcome(done, failed, reason);
        }

        return new ExecutionOutcome(done);
    }

    private async Task<AppliedStep> ApplyOneAsync(PlannedChange change, CancellationToken cancellationToken)
    {
        var current = await cluster.GetAsync(change.Kind, change.Namespace, change.Name, cancellationToken);
        var rv = ObjectShapes.ResourceVersion(current);
        if (rv != change.ExpectedResourceVersion)
        {
            throw GuardException.Input(
                "changed-since-preview",
                $"{change.Kind.Kind}/{change.Name} changed in the cluster after the preview.",
                $"미리보기 이후 클러스터에서 {change.Kind.Kind}/{change.Name}이(가) 바뀌었습니다.");
        }

        JsonObject? after = change.Verb switch
        {
            ChangeVerb.Create => await cluster.CreateAsync(change.Kind, change.Namespace, change.Desired!.DeepClone().AsObject(), false, cancellationToken),
            ChangeVerb.Replace => await cluster.ReplaceAsync(change.Kind, change.Namespace, ObjectShapes.WithResourceVersion(change.Desired!, rv), false, cancellationToken),
            _ => null,
        };
        if (change.Verb == ChangeVerb.Delete)
        {
            await cluster.DeleteAsync(change.Kind, change.Namespace, change.Name, false, cancellationToken);
        }

        return new AppliedStep(change.Kind, change.Namespace, change.Name, current, after);
    }

    /// <summary>
    /// Restores what the already-made writes of a failed batch replaced, newest first. It runs to the end
    /// even when the caller has given up (a half-restored sandbox is worse than a late answer), then honours
    /// the cancellation.
    /// </summary>
    private async Task RollBackAsync(IReadOnlyList<AppliedStep> done, CancellationToken cancellationToken)
    {
        foreach (var step in done.Reverse())
        {
            var current = await cluster.GetAsync(step.Kind, step.Namespace, step.Name, CancellationToken.None);
            if (step.Before is null)
            {
                if (current is not null)
                {
                    await cluster.DeleteAsync(step.Kind, step.Namespace, step.Name, false, CancellationToken.None);
                }

                continue;
            }

            var restored = ObjectShapes.Authored(step.Kind, step.Before, step.Namespace);
            if (current is null)
            {
                await cluster.CreateAsync(step.Kind, step.Namespace, restored, false, CancellationToken.None);
            }
            else
            {
                await cluster.ReplaceAsync(step.Kind, step.Namespace, ObjectShapes.WithResourceVersion(restored, ObjectShapes.ResourceVersion(current)), false, CancellationToken.None);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
