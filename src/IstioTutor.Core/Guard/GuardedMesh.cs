using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Guard.Execution;
using IstioTutor.Core.Guard.Manifests;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Guard.Planning;
using IstioTutor.Core.Guard.Policy;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Guard;

/// <summary>
/// The only way a learner (through any door) or a model reaches the cluster. Every call is checked here —
/// own namespace, Istio kinds, input limits — and every change is a stored preview that only the same
/// learner in the same conversation can confirm before it expires; a confirmed batch is applied all or
/// nothing. Every attempt, allowed or refused, is written to the audit log, from this class only.
/// </summary>
/// <remarks>
/// The work behind the checks lives beside it: <see cref="ChangePlanner"/> plans the four previews,
/// <see cref="ChangeExecutor"/> applies a confirmed one or rolls it back, <see cref="PendingActionFinder"/>
/// finds the preview a learner means.
/// </remarks>
public sealed class GuardedMesh(
    IMeshCluster cluster,
    IResourceValidator validator,
    IPendingActionStore pending,
    IAuditLog audit,
    PreviewInsights insights,
    IOptions<GuardOptions> options,
    TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _confirmGate = new(1, 1);
    private readonly ManifestCheck _manifests = new(validator, options);
    private readonly ChangePlanner _planner = new(cluster);
    private readonly ChangeExecutor _executor = new(cluster);
    private readonly PendingActionFinder _finder = new(pending, options, clock);

    public string ClusterDescription => cluster.Description;

    public bool IsSimulated => cluster.IsSimulated;

    /// <summary>Lists or gets objects of a kind in the actor's namespace (the only one they may read).</summary>
    public async Task<ReadResult> ReadAsync(Actor actor, string kindName, string? name, string? ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ResourceKind? kind = null;
        string? target = null;
        try
        {
            kind = ResourceKinds.Find(kindName ?? "");
            if (kind is null)
            {
                KindPolicy.RefuseNonIstio(kindName ?? "", "get");
                throw GuardException.Input(
                    "unknown-kind",
                    $"'{kindName}' is not a kind IstioTutor can show. Try one of: {string.Join(", ", ResourceKinds.All.Select(k => k.Plural))}.",
                    $"'{kindName}'은(는) IstioTutor가 보여 줄 수 있는 종류가 아닙니다. 다음 중 하나를 쓰세요: {string.Join(", ", ResourceKinds.All.Select(k => k.Plural))}.");
            }

            if (!kind.Namespaced)
            {
                throw GuardException.Policy(
                    "cluster-scoped-refused",
                    $"{kind.Plural} are cluster-scoped; you can look only inside your namespace {actor.Namespace}.",
                    $"{kind.Plural}는 클러스터 범위 리소스입니다. 내 네임스페이스 {actor.Namespace} 안만 볼 수 있습니다.");
            }

            target = NamespacePolicy.Require(actor, ns, "get");
            if (name is not null)
            {
                NamespacePolicy.RequireName(name, "get");
            }

            await cluster.EnsureNamespaceAsync(target, cancellationToken);
            IReadOnlyList<JsonObject> items;
            if (name is null)
            {
                items = await cluster.ListAsync(kind, target, null, cancellationToken);
            }
            else
            {
                var one = await cluster.GetAsync(kind, target, name, cancellationToken);
                items = one is null ? [] : [one];
            }

            Allowed(actor, "get", kind.Kind, name, target, $"read {items.Count} object(s)");
            return new ReadResult(target, kind, items, cluster.Description);
        }
        catch (GuardException e)
        {
            Refused(actor, "get", kind?.Kind ?? kindName, name, target ?? ns ?? actor.Namespace, e.Refusal);
            throw;
        }
    }

    /// <summary>The actor's own namespace as analyzers, labs and the simulator see it (never another namespace).</summary>
    public async Task<MeshSnapshot> SnapshotAsync(Actor actor, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await cluster.EnsureNamespaceAsync(actor.Namespace, cancellationToken);
        var snapshot = await cluster.SnapshotAsync(actor.Namespace, cancellationToken);
        Allowed(actor, verb, null, null, actor.Namespace, $"read the namespace ({snapshot.IstioConfig.Count} Istio objects)");
        return snapshot;
    }

    /// <summary>Parses, checks, validates and dry-runs a manifest, then stores the preview for confirmation.</summary>
    public async Task<PreviewResult> PreviewApplyAsync(Actor actor, string yaml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var notes = new List<string>();
        IReadOnlyList<ManifestObject> objects = [];
        try
        {
            objects = _manifests.Read(actor, yaml ?? "", notes);
            _manifests.Validate(objects, notes);
            return await StoreAsync(actor, await _planner.ApplyAsync(actor.Namespace, objects, notes, cancellationToken), cancellationToken);
        }
        catch (GuardException e)
        {
            var first = objects.Count > 0 ? objects[0] : null;
            Refused(actor, "apply", first?.Kind.Kind, first?.Name, actor.Namespace, e.Refusal);
            throw;
        }
    }

    /// <summary>Previews deleting one Istio object in the actor's namespace.</summary>
    public async Task<PreviewResult> PreviewDeleteAsync(Actor actor, string kindName, string name, string? ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var kind = ResourceKinds.Find(kindName ?? "");
        try
        {
            if (kind is null || !ResourceKinds.Config.Contains(kind))
            {
                KindPolicy.RefuseNonIstio(kind?.Kind ?? kindName ?? "", "delete");
                throw GuardException.Input(
                    "unknown-kind",
                    $"'{kindName}' is not an Istio or Gateway API kind. You can delete: {string.Join(", ", ResourceKinds.Config.Select(k => k.Plural))}.",
                    $"'{kindName}'은(는) Istio·Gateway API 종류가 아닙니다. 지울 수 있는 종류: {string.Join(", ", ResourceKinds.Config.Select(k => k.Plural))}.");
            }

            var target = NamespacePolicy.Require(actor, ns, "delete");
            NamespacePolicy.RequireName(name, "delete");
            return await StoreAsync(actor, await _planner.DeleteAsync(kind, target, name, cancellationToken), cancellationToken);
        }
        catch (GuardException e)
        {
            Refused(actor, "delete", kind?.Kind ?? kindName, name, ns ?? actor.Namespace, e.Refusal);
            throw;
        }
    }

    /// <summary>Previews restoring the objects the actor's last applied change replaced.</summary>
    public async Task<PreviewResult> PreviewUndoAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            var last = pending.LatestUndoable(actor.LearnerId, actor.Namespace) ?? throw GuardException.Input(
                "nothing-to-undo",
                "You have no applied change left to undo in your sandbox.",
                "샌드박스에 되돌릴 적용된 변경이 없습니다.");
            return await StoreAsync(actor, await _planner.UndoAsync(actor.Namespace, last, cancellationToken), cancellationToken);
        }
        catch (GuardException e)
        {
            Refused(actor, "undo", null, null, actor.Namespace, e.Refusal);
            throw;
        }
    }

    /// <summary>
    /// Previews deleting every Istio object in a sandbox: the actor's own, or — for a mentor — another
    /// learner's (<paramref name="targetLearnerId"/>). Workloads are never touched.
    /// </summary>
    public async Task<PreviewResult> PreviewResetAsync(Actor actor, string? targetLearnerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var target = actor.Namespace;
        try
        {
            if (!string.IsNullOrWhiteSpace(targetLearnerId) && targetLearnerId != actor.LearnerId)
            {
                var id = targetLearnerId.Normalize(NormalizationForm.FormKC).TrimStart('@');
                if (id.Any(c => c > 0x7F) || !LearnerIds.IsValid(id))
                {
                    throw GuardException.Input(
                        "invalid-learner",
                        $"'{targetLearnerId}' is not a learner id (lower-case letters, digits and '-').",
                        $"'{targetLearnerId}'은(는) 학습자 ID가 아닙니다(소문자, 숫자, '-').");
                }

                target = LearnerIds.NamespaceOf(id);
                if (id != actor.LearnerId && !actor.IsMentor)
                {
                    throw GuardException.Policy(
                        "not-mentor",
                        $"Only a mentor may reset another learner's sandbox ({target}). /reset-sandbox without a name resets yours.",
                        $"다른 학습자의 샌드박스({target})는 멘토만 초기화할 수 있습니다. 이름 없이 /reset-sandbox 를 쓰면 내 샌드박스를 초기화합니다.");
                }
            }

            return await StoreAsync(actor, await _planner.ResetAsync(target, cancellationToken), cancellationToken);
        }
        catch (GuardException e)
        {
            Refused(actor, "reset", null, null, target, e.Refusal);
            throw;
        }
    }

    /// <summary>
    /// Applies a stored preview: only the learner who made it, in the conversation it was made in, before
    /// it expires, once. All its writes succeed or the ones made are rolled back.
    /// </summary>
    public async Task<GuardResult> ConfirmAsync(Actor actor, string? actionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await _confirmGate.WaitAsync(cancellationToken);
        try
        {
            if (actor.ModelInitiated)
            {
                // The learner's own click or /confirm is the consent; a model may propose but never consent for them.
                Refuse(actor, "confirm", null, new GuardRefusal("model-cannot-confirm", "A change is confirmed only by the learner: use /confirm or the Confirm button on the preview.", "변경은 학습자만 확인할 수 있습니다. /confirm 또는 미리보기의 확인 버튼을 쓰세요.", RefusalKind.Policy), actionId);
            }

            var action = FindOwn(actor, actionId, "confirm");
            foreach (var change in action.Changes)
            {
                // Defence in depth: the preview was checked, but the stored record is re-checked before any write.
                if (change.Namespace != actor.Namespace && !(action.Purpose == PendingPurpose.Reset && actor.IsMentor))
                {
                    Refuse(actor, "confirm", change, new GuardRefusal("stored-namespace", $"The stored change targets {change.Namespace}, which is not yours; nothing was applied.", $"저장된 변경이 내 것이 아닌 {change.Namespace}를 대상으로 합니다. 아무것도 적용하지 않았습니다.", RefusalKind.Policy), action.Id);
                }

                if (!change.Kind.IstioConfig)
                {
                    Refuse(actor, "confirm", change, new GuardRefusal("stored-kind", $"The stored change writes {change.Kind.Kind}, which is not an Istio kind; nothing was applied.", $"저장된 변경이 Istio 종류가 아닌 {change.Kind.Kind}를 씁니다. 아무것도 적용하지 않았습니다.", RefusalKind.Policy), action.Id);
                }
            }

            if (!pending.TryTransition(action.Id, PendingStatus.Applied))
            {
                Refuse(actor, "confirm", null, new GuardRefusal("replayed", $"Preview {action.Id} was already used; nothing was applied again.", $"미리보기 {action.Id}는 이미 사용되었습니다. 다시 적용하지 않았습니다.", RefusalKind.Policy), action.Id);
            }

            var outcome = await _executor.ExecuteAsync(action.Changes, cancellationToken);
            if (outcome is { Failed: { } failed, Reason: { } reason })
            {
                pending.Save(action with { Status = PendingStatus.Failed });
                Refuse(actor, "confirm", failed, reason with
                {
                    English = $"Nothing was applied: {reason.English} The {outcome.Done.Count} earlier write(s) of this preview were rolled back.",
                    Korean = $"아무것도 적용되지 않았습니다: {reason.Korean} 이 미리보기에서 먼저 쓴 {outcome.Done.Count}개는 되돌렸습니다.",
                }, action.Id);
            }

            pending.RecordApplied(new AppliedChange(action.Id, actor.LearnerId, action.TargetNamespace, clock.GetUtcNow(), action.Purpose, action.Summary, outcome.Done));
            if (action.UndoesChangeId is not null)
            {
                pending.MarkUndone(action.UndoesChangeId);
            }

            foreach (var change in action.Changes)
            {
                Record(actor, change.Verb.Present(), change.Kind.Kind, change.Name, change.Namespace, AuditDecision.Allowed, $"confirmed {action.Purpose.ToString().ToLowerInvariant()} preview", action.Id, diff: action.Diff);
            }

            return new GuardResult(action.Id, action.Summary, action.Changes.Select(c => $"{c.Verb.Past()} {c.Kind.Kind}/{c.Name} in {c.Namespace}").ToList());
        }
        finally
        {
            _confirmGate.Release();
        }
    }

    /// <summary>Drops the actor's pending preview (the given one, or the newest in this conversation).</summary>
    public Task<PendingAction> CancelAsync(Actor actor, string? actionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var action = FindOwn(actor, actionId, "cancel");
        pending.TryTransition(action.Id, PendingStatus.Cancelled);
        Allowed(actor, "cancel", null, null, action.TargetNamespace, $"cancelled preview: {action.Summary}", action.Id);
        return Task.FromResult(action with { Status = PendingStatus.Cancelled });
    }

    /// <summary>The newest pending preview of this actor in this conversation, if any (for "what am I about to confirm?").</summary>
    public PendingAction? CurrentPending(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _finder.Current(actor);
    }

    /// <summary>Applied changes of the actor, newest first.</summary>
    public IReadOnlyList<AppliedChange> History(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return pending.History(actor.LearnerId);
    }

    public void Dispose() => _confirmGate.Dispose();

    private PendingAction FindOwn(Actor actor, string? actionId, string verb)
    {
        var found = _finder.FindOwn(actor, actionId, verb);
        if (found.Refusal is { } refusal)
        {
            Refuse(actor, verb, null, refusal, found.AuditActionId);
        }

        return found.Action!;
    }

    /// <summary>Stores a plan as the actor's one pending preview (older ones in the conversation are superseded), with what analysis and the simulator say of it.</summary>
    private async Task<PreviewResult> StoreAsync(Actor actor, ChangePlan plan, CancellationToken cancellationToken)
    {
        var insight = await insights.ExplainAsync(plan.TargetNamespace, plan.Changes, cancellationToken);
        foreach (var older in pending.AllPending(actor.LearnerId, actor.ConversationId))
        {
            pending.TryTransition(older.Id, PendingStatus.Superseded);
        }

        var now = clock.GetUtcNow();
        var action = new PendingAction(
            NewId(), actor.LearnerId, actor.ConversationId, actor.Door, plan.TargetNamespace, plan.Purpose, plan.Changes, plan.Summary, plan.Diff,
            insight.Findings, insight.Prediction, now, now.AddMinutes(options.Value.PendingMinutes), actor.ModelInitiated, plan.UndoesChangeId);
        pending.Save(action);
        foreach (var change in plan.Changes)
        {
            Record(actor, $"preview-{plan.Purpose.ToString().ToLowerInvariant()}", change.Kind.Kind, change.Name, change.Namespace, AuditDecision.Allowed, $"previewed {change.Verb.Present()}; waiting for confirmation", action.Id, diff: plan.Diff);
        }

        return new PreviewResult(action, plan.Notes);
    }

    /// <summary>Audits a refusal and throws it.</summary>
    [DoesNotReturn]
    private void Refuse(Actor actor, string verb, PlannedChange? change, GuardRefusal refusal, string? actionId)
    {
        Refused(actor, verb, change?.Kind.Kind, change?.Name, change?.Namespace ?? actor.Namespace, refusal, actionId);
        throw new GuardException(refusal);
    }

    private void Allowed(Actor actor, string verb, string? kind, string? name, string? ns, string reason, string? actionId = null) =>
        Record(actor, verb, kind, name, ns, AuditDecision.Allowed, reason, actionId);

    /// <summary>A refusal, audited with the code of the rule that refused it.</summary>
    private void Refused(Actor actor, string verb, string? kind, string? name, string? ns, GuardRefusal refusal, string? actionId = null) =>
        Record(actor, verb, kind, name, ns, AuditDecision.Refused, refusal.English, actionId, rule: refusal.Code);

    /// <summary>The one place the guard writes the audit log (which <see cref="MeteredAuditLog"/> also counts).</summary>
    private void Record(Actor actor, string verb, string? kind, string? name, string? ns, AuditDecision decision, string reason, string? actionId, string? diff = null, string? rule = null) =>
        audit.Record(new AuditEntry(clock.GetUtcNow(), actor.LearnerId, actor.Door, actor.ConversationId, verb, kind, name, ns, decision, reason, diff, actor.ModelInitiated, actionId, rule));

    /// <summary>64 random bits: a preview id cannot be guessed, and is useless to anyone but its owner anyway.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
