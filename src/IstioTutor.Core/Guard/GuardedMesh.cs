using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Guard.Diff;
using IstioTutor.Core.Guard.Manifests;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Guard.Policy;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Progress;
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
/// nothing. Every attempt, allowed or refused, is written to the audit log.
/// </summary>
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

            Audit(actor, "get", kind.Kind, name, target, AuditDecision.Allowed, $"read {items.Count} object(s)");
            return new ReadResult(target, kind, items, cluster.Description);
        }
        catch (GuardException e)
        {
            Audit(actor, "get", kind?.Kind ?? kindName, name, target ?? ns ?? actor.Namespace, e.Refusal);
            throw;
        }
    }

    /// <summary>The actor's own namespace as analyzers, labs and the simulator see it (never another namespace).</summary>
    public async Task<MeshSnapshot> SnapshotAsync(Actor actor, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await cluster.EnsureNamespaceAsync(actor.Namespace, cancellationToken);
        var snapshot = await cluster.SnapshotAsync(actor.Namespace, cancellationToken);
        Audit(actor, verb, null, null, actor.Namespace, AuditDecision.Allowed, $"read the namespace ({snapshot.IstioConfig.Count} Istio objects)");
        return snapshot;
    }

    /// <summary>Parses, checks, validates and dry-runs a manifest, then stores the preview for confirmation.</summary>
    public async Task<PreviewResult> PreviewApplyAsync(Actor actor, string yaml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var notes = new List<string>();
        IReadOnlyList<(ManifestDocument Doc, ResourceKind Kind, JsonObject Desired, string Name)> planned = [];
        try
        {
            var documents = new ManifestParser(ManifestLimits.From(options.Value)).Parse(yaml ?? "");
            planned = documents.Select(d => CheckDocument(actor, d, notes)).ToList();
            var duplicate = planned.GroupBy(p => (p.Kind.Kind, p.Name)).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw GuardException.Input(
                    "duplicate-document",
                    $"{duplicate.Key.Kind} '{duplicate.Key.Name}' appears twice in the manifest. Keep one document per object.",
                    $"{duplicate.Key.Kind} '{duplicate.Key.Name}'이(가) 매니페스트에 두 번 있습니다. 객체마다 문서 하나만 두세요.");
            }

            foreach (var p in planned)
            {
                var outcome = validator.Validate(p.Kind, p.Desired);
                if (!outcome.IsValid)
                {
                    var causes = string.Join("; ", outcome.Errors.Select(c => $"{c.Field}: {c.Message}"));
                    throw GuardException.Input(
                        "invalid",
                        $"{Where(p.Doc)} ({p.Kind.Kind} {p.Name}) is invalid: {causes}. Nothing was changed — fix those fields and send it again.",
                        $"{Where(p.Doc, "ko")} ({p.Kind.Kind} {p.Name})이(가) 유효하지 않습니다: {causes}. 아무것도 바꾸지 않았습니다. 해당 필드를 고쳐 다시 보내세요.");
                }

                notes.AddRange(outcome.Warnings.Select(w => $"{p.Kind.Kind} {p.Name}: {w}"));
            }

            await cluster.EnsureNamespaceAsync(actor.Namespace, cancellationToken);
            var changes = new List<PlannedChange>();
            var diff = new StringBuilder();
            foreach (var p in planned)
            {
                var live = await cluster.GetAsync(p.Kind, actor.Namespace, p.Name, cancellationToken);
                var rv = ObjectShapes.ResourceVersion(live);
                await DryRunAsync(p.Kind, actor.Namespace, p.Desired, rv, Where(p.Doc), cancellationToken);
                var before = live is null ? "" : YamlWriter.Write(ObjectShapes.Authored(p.Kind, live, actor.Namespace));
                var docDiff = UnifiedDiff.Compute(before, YamlWriter.Write(p.Desired), live is null ? "/dev/null" : $"live/{p.Kind.Kind}/{p.Name}", $"preview/{p.Kind.Kind}/{p.Name}");
                if (docDiff.Length == 0)
                {
                    notes.Add($"{p.Kind.Kind} {p.Name}: unchanged");
                    continue;
                }

                diff.Append(docDiff);
                changes.Add(new PlannedChange(live is null ? ChangeVerb.Create : ChangeVerb.Replace, p.Kind, actor.Namespace, p.Name, p.Desired, rv));
            }

            if (changes.Count == 0)
            {
                throw GuardException.Input(
                    "no-change",
                    "Every object in the manifest already looks exactly like that in your sandbox; there is nothing to confirm.",
                    "매니페스트의 모든 객체가 샌드박스에 이미 그대로 있습니다. 확인할 변경이 없습니다.");
            }

            var summary = string.Join(", ", changes.Select(c => $"{Verb(c.Verb)} {c.Kind.Kind}/{c.Name}")) + $" in {actor.Namespace}";
            return await StoreAsync(actor, PendingPurpose.Apply, actor.Namespace, changes, summary, diff.ToString(), notes, null, cancellationToken);
        }
        catch (GuardException e)
        {
            var first = planned.Count > 0 ? planned[0] : default;
            Audit(actor, "apply", first.Kind?.Kind, first.Name, actor.Namespace, e.Refusal);
            throw;
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
            var live = await cluster.GetAsync(kind, target, name, cancellationToken) ?? throw GuardException.Input(
                "not-found",
                $"There is no {kind.Kind} '{name}' in {target}. List them with /get {kind.Plural}.",
                $"{target}에 {kind.Kind} '{name}'이(가) 없습니다. /get {kind.Plural} 로 목록을 보세요.");
            await cluster.DeleteAsync(kind, target, name, dryRun: true, cancellationToken);
            var diff = UnifiedDiff.Compute(YamlWriter.Write(ObjectShapes.Authored(kind, live, target)), "", $"live/{kind.Kind}/{name}", "/dev/null");
            var changes = new[] { new PlannedChange(ChangeVerb.Delete, kind, target, name, null, ObjectShapes.ResourceVersion(live)) };
            return await StoreAsync(actor, PendingPurpose.Delete, target, changes, $"delete {kind.Kind}/{name} in {target}", diff, [], null, cancellationToken);
        }
        catch (GuardException e)
        {
            Audit(actor, "delete", kind?.Kind ?? kindName, name, ns ?? actor.Namespace, e.Refusal);
            throw;
        }
        catch (MeshApiException e)
        {
            var refusal = ApiRefusal("delete", e);
            Audit(actor, "delete", kind?.Kind ?? kindName, name, ns ?? actor.Namespace, refusal);
            throw new GuardException(refusal);
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
            var changes = new List<PlannedChange>();
            var diff = new StringBuilder();
            foreach (var step in last.Steps.Reverse())
            {
                var current = await cluster.GetAsync(step.Kind, step.Namespace, step.Name, cancellationToken);
                var rv = ObjectShapes.ResourceVersion(current);
                var restored = step.Before is null ? null : ObjectShapes.Authored(step.Kind, step.Before, step.Namespace);
                var change = (restored, current) switch
                {
                    (null, null) => null,
                    (null, _) => new PlannedChange(ChangeVerb.Delete, step.Kind, step.Namespace, step.Name, null, rv),
                    (_, null) => new PlannedChange(ChangeVerb.Create, step.Kind, step.Namespace, step.Name, restored, null),
                    _ => new PlannedChange(ChangeVerb.Replace, step.Kind, step.Namespace, step.Name, restored, rv),
                };
                if (change is null)
                {
                    continue;
                }

                changes.Add(change);
                diff.Append(UnifiedDiff.Compute(
                    current is null ? "" : YamlWriter.Write(ObjectShapes.Authored(step.Kind, current, step.Namespace)),
                    restored is null ? "" : YamlWriter.Write(restored),
                    $"live/{step.Kind.Kind}/{step.Name}",
                    $"undo/{step.Kind.Kind}/{step.Name}"));
            }

            if (changes.Count == 0)
            {
                throw GuardException.Input(
                    "nothing-to-undo",
                    $"Your last change ({last.Summary}) is already reverted in the cluster.",
                    $"마지막 변경({last.Summary})은 이미 클러스터에서 되돌려져 있습니다.");
            }

            return await StoreAsync(actor, PendingPurpose.Undo, actor.Namespace, changes, $"undo: {last.Summary}", diff.ToString(), [], last.Id, cancellationToken);
        }
        catch (GuardException e)
        {
            Audit(actor, "undo", null, null, actor.Namespace, e.Refusal);
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

            await cluster.EnsureNamespaceAsync(target, cancellationToken);
            var changes = new List<PlannedChange>();
            var diff = new StringBuilder();
            foreach (var kind in ResourceKinds.Config)
            {
                foreach (var live in await ListServedAsync(kind, target, cancellationToken))
                {
                    var name = JsonFields.Name(live)!;
                    changes.Add(new PlannedChange(ChangeVerb.Delete, kind, target, name, null, ObjectShapes.ResourceVersion(live)));
                    diff.Append(UnifiedDiff.Compute(YamlWriter.Write(ObjectShapes.Authored(kind, live, target)), "", $"live/{kind.Kind}/{name}", "/dev/null"));
                }
            }

            if (changes.Count == 0)
            {
                throw GuardException.Input(
                    "already-clean",
                    $"{target} has no Istio configuration; it is already in its starting state.",
                    $"{target}에는 Istio 설정이 없습니다. 이미 처음 상태입니다.");
            }

            return await StoreAsync(actor, PendingPurpose.Reset, target, changes, $"reset {target}: delete {changes.Count} Istio object(s)", diff.ToString(), [], null, cancellationToken);
        }
        catch (GuardException e)
        {
            Audit(actor, "reset", null, null, target, e.Refusal);
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
                Refuse(actor, "confirm", null, RefusalKind.Policy, "model-cannot-confirm", "A change is confirmed only by the learner: use /confirm or the Confirm button on the preview.", "변경은 학습자만 확인할 수 있습니다. /confirm 또는 미리보기의 확인 버튼을 쓰세요.", actionId);
            }

            var action = FindOwnPending(actor, actionId, "confirm");
            foreach (var change in action.Changes)
            {
                // Defence in depth: the preview was checked, but the stored record is re-checked before any write.
                if (change.Namespace != actor.Namespace && !(action.Purpose == PendingPurpose.Reset && actor.IsMentor))
                {
                    Refuse(actor, "confirm", change, RefusalKind.Policy, "stored-namespace", $"The stored change targets {change.Namespace}, which is not yours; nothing was applied.", $"저장된 변경이 내 것이 아닌 {change.Namespace}를 대상으로 합니다. 아무것도 적용하지 않았습니다.", action.Id);
                }

                if (!change.Kind.IstioConfig)
                {
                    Refuse(actor, "confirm", change, RefusalKind.Policy, "stored-kind", $"The stored change writes {change.Kind.Kind}, which is not an Istio kind; nothing was applied.", $"저장된 변경이 Istio 종류가 아닌 {change.Kind.Kind}를 씁니다. 아무것도 적용하지 않았습니다.", action.Id);
                }
            }

            if (!pending.TryTransition(action.Id, PendingStatus.Applied))
            {
                Refuse(actor, "confirm", null, RefusalKind.Policy, "replayed", $"Preview {action.Id} was already used; nothing was applied again.", $"미리보기 {action.Id}는 이미 사용되었습니다. 다시 적용하지 않았습니다.", action.Id);
            }

            var done = new List<AppliedStep>();
            try
            {
                foreach (var change in action.Changes)
                {
                    done.Add(await ApplyOneAsync(change, cancellationToken));
                }
            }
            catch (Exception e) when (e is MeshApiException or GuardException)
            {
                await RollBackAsync(done, cancellationToken);
                var failed = action.Changes[done.Count];
                var reason = e is GuardException g ? g.Refusal : ApiRefusal($"{Verb(failed.Verb)} {failed.Kind.Kind}/{failed.Name}", (MeshApiException)e);
                var english = $"Nothing was applied: {reason.English} The {done.Count} earlier write(s) of this preview were rolled back.";
                var korean = $"아무것도 적용되지 않았습니다: {reason.Korean} 이 미리보기에서 먼저 쓴 {done.Count}개는 되돌렸습니다.";
                MarkFailed(action);
                Refuse(actor, "confirm", failed, reason.Kind, reason.Code, english, korean, action.Id);
            }

            var applied = new AppliedChange(action.Id, actor.LearnerId, action.TargetNamespace, clock.GetUtcNow(), action.Purpose, action.Summary, done);
            pending.RecordApplied(applied);
            if (action.UndoesChangeId is not null)
            {
                pending.MarkUndone(action.UndoesChangeId);
            }

            var lines = action.Changes.Select(c => $"{Past(c.Verb)} {c.Kind.Kind}/{c.Name} in {c.Namespace}").ToList();
            foreach (var change in action.Changes)
            {
                audit.Record(new AuditEntry(clock.GetUtcNow(), actor.LearnerId, actor.Door, actor.ConversationId, Verb(change.Verb), change.Kind.Kind, change.Name, change.Namespace, AuditDecision.Allowed, $"confirmed {action.Purpose.ToString().ToLowerInvariant()} preview", action.Diff, actor.ModelInitiated, action.Id));
            }

            return new GuardResult(action.Id, action.Summary, lines);
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
        var action = FindOwnPending(actor, actionId, "cancel");
        pending.TryTransition(action.Id, PendingStatus.Cancelled);
        Audit(actor, "cancel", null, null, action.TargetNamespace, AuditDecision.Allowed, $"cancelled preview: {action.Summary}", action.Id);
        return Task.FromResult(action with { Status = PendingStatus.Cancelled });
    }

    /// <summary>The newest pending preview of this actor in this conversation, if any (for "what am I about to confirm?").</summary>
    public PendingAction? CurrentPending(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var action = pending.LatestPending(actor.LearnerId, actor.ConversationId);
        return action is not null && action.ExpiresAt > clock.GetUtcNow() ? action : null;
    }

    /// <summary>Applied changes of the actor, newest first.</summary>
    public IReadOnlyList<AppliedChange> History(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return pending.History(actor.LearnerId);
    }

    private PendingAction FindOwnPending(Actor actor, string? actionId, string verb)
    {
        PendingAction? action;
        if (string.IsNullOrWhiteSpace(actionId))
        {
            action = pending.LatestPending(actor.LearnerId, actor.ConversationId);
            if (action is null)
            {
                Refuse(actor, verb, null, RefusalKind.Input, "nothing-pending", $"There is no preview waiting for you in this conversation. Preview a change first with /apply, /delete, /undo or /reset-sandbox.", $"이 대화에 확인을 기다리는 미리보기가 없습니다. 먼저 /apply, /delete, /undo, /reset-sandbox 로 미리보기를 만드세요.", null);
            }
        }
        else
        {
            action = pending.Find(actionId.Trim());
            // The same words for "no such id" and "someone else's id": an id must not reveal whether it exists.
            if (action is null || action.LearnerId != actor.LearnerId)
            {
                Refuse(actor, verb, null, RefusalKind.Policy, action is null ? "unknown-preview" : "other-learners-preview", $"There is no preview '{Shorten(actionId)}' of yours. Only the learner who made a preview can {verb} it.", $"내 미리보기 '{Shorten(actionId)}'가 없습니다. 미리보기는 만든 학습자만 {verb}할 수 있습니다.", Shorten(actionId));
            }
        }

        // An MCP client has no place for the learner to type; a preview made there may be confirmed by its own
        // learner from any door, but only by naming its id (the person read it), never as "the newest".
        var fromMcpById = action!.Door == Door.Mcp && !string.IsNullOrWhiteSpace(actionId) && !actor.ModelInitiated;
        if (action.ConversationId != actor.ConversationId && !fromMcpById)
        {
            Refuse(actor, verb, null, RefusalKind.Policy, "other-conversation", $"Preview {action.Id} was made in another conversation; {verb} it there, or preview the change again here.", $"미리보기 {action.Id}는 다른 대화에서 만들어졌습니다. 그 대화에서 처리하거나 여기서 다시 미리보기를 만드세요.", action.Id);
        }

        if (action.Status != PendingStatus.Pending)
        {
            Refuse(actor, verb, null, RefusalKind.Policy, "replayed", $"Preview {action.Id} is already {action.Status.ToString().ToLowerInvariant()}; nothing was done. Preview the change again if you still want it.", $"미리보기 {action.Id}는 이미 처리되었습니다({action.Status}). 아무것도 하지 않았습니다. 필요하면 다시 미리보기를 만드세요.", action.Id);
        }

        if (action.ExpiresAt <= clock.GetUtcNow())
        {
            pending.TryTransition(action.Id, PendingStatus.Cancelled);
            Refuse(actor, verb, null, RefusalKind.Policy, "expired", $"Preview {action.Id} expired at {action.ExpiresAt:HH:mm} UTC ({options.Value.PendingMinutes} minutes after it was made); nothing was applied. Preview it again.", $"미리보기 {action.Id}는 {action.ExpiresAt:HH:mm} UTC에 만료되었습니다({options.Value.PendingMinutes}분). 아무것도 적용하지 않았습니다. 다시 미리보기를 만드세요.", action.Id);
        }

        return action;
    }

    private async Task<PreviewResult> StoreAsync(
        Actor actor, PendingPurpose purpose, string target, IReadOnlyList<PlannedChange> changes, string summary, string diff,
        IReadOnlyList<string> notes, string? undoes, CancellationToken cancellationToken)
    {
        var insight = await insights.ExplainAsync(target, changes, cancellationToken);
        foreach (var older in pending.AllPending(actor.LearnerId, actor.ConversationId))
        {
            pending.TryTransition(older.Id, PendingStatus.Superseded);
        }

        var now = clock.GetUtcNow();
        var action = new PendingAction(
            NewId(), actor.LearnerId, actor.ConversationId, actor.Door, target, purpose, changes, summary, diff,
            insight.Findings, insight.Prediction, now, now.AddMinutes(options.Value.PendingMinutes), actor.ModelInitiated, undoes);
        pending.Save(action);
        foreach (var change in changes)
        {
            audit.Record(new AuditEntry(now, actor.LearnerId, actor.Door, actor.ConversationId, $"preview-{purpose.ToString().ToLowerInvariant()}", change.Kind.Kind, change.Name, change.Namespace, AuditDecision.Allowed, $"previewed {Verb(change.Verb)}; waiting for confirmation", diff, actor.ModelInitiated, action.Id));
        }

        return new PreviewResult(action, notes);
    }

    private (ManifestDocument Doc, ResourceKind Kind, JsonObject Desired, string Name) CheckDocument(Actor actor, ManifestDocument doc, List<string> notes)
    {
        var where = Where(doc);
        var resolution = KindPolicy.ResolveWritable(JsonFields.Str(doc.Object["apiVersion"]), JsonFields.Str(doc.Object["kind"]), where);
        if (resolution.DatedNote is not null)
        {
            notes.Add(resolution.DatedNote);
        }

        if (doc.Object["metadata"] is not JsonObject metadata)
        {
            throw GuardException.Input("missing-name", $"{where} has no metadata. Add metadata.name.", $"{where}에 metadata 가 없습니다. metadata.name 을 넣으세요.");
        }

        var name = JsonFields.Str(metadata["name"]);
        NamespacePolicy.RequireName(name, where);
        if (metadata["namespace"] is { } nsNode && JsonFields.Str(nsNode) is null)
        {
            throw GuardException.Input("invalid-namespace", $"{where}: metadata.namespace must be a string.", $"{where}: metadata.namespace 는 문자열이어야 합니다.");
        }

        var ns = NamespacePolicy.Require(actor, JsonFields.Str(metadata["namespace"]), where);
        if (doc.Object["spec"] is not null and not JsonObject)
        {
            throw GuardException.Input("invalid", $"{where}: spec must be a mapping.", $"{where}: spec 은 매핑이어야 합니다.");
        }

        return (doc, resolution.Kind, ObjectShapes.Authored(resolution.Kind, doc.Object, ns), name!);
    }

    private async Task DryRunAsync(ResourceKind kind, string ns, JsonObject desired, string? resourceVersion, string where, CancellationToken cancellationToken)
    {
        try
        {
            if (resourceVersion is null)
            {
                await cluster.CreateAsync(kind, ns, desired.DeepClone().AsObject(), dryRun: true, cancellationToken);
            }
            else
            {
                await cluster.ReplaceAsync(kind, ns, ObjectShapes.WithResourceVersion(desired, resourceVersion), dryRun: true, cancellationToken);
            }
        }
        catch (MeshApiException e)
        {
            throw new GuardException(ApiRefusal(where, e));
        }
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

        var before = current;
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

        return new AppliedStep(change.Kind, change.Namespace, change.Name, before, after);
    }

    /// <summary>Restores what the already-applied writes of a failed batch replaced, newest first.</summary>
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

    private void MarkFailed(PendingAction action) => pending.Save(action with { Status = PendingStatus.Failed });

    [DoesNotReturn]
    private void Refuse(Actor actor, string verb, PlannedChange? change, RefusalKind kind, string code, string english, string korean, string? actionId)
    {
        var refusal = new GuardRefusal(code, english, korean, kind);
        Audit(actor, verb, change?.Kind.Kind, change?.Name, change?.Namespace ?? actor.Namespace, refusal, actionId);
        throw new GuardException(refusal);
    }

    private void Audit(Actor actor, string verb, string? kind, string? name, string? ns, AuditDecision decision, string reason, string? actionId = null) =>
        audit.Record(new AuditEntry(clock.GetUtcNow(), actor.LearnerId, actor.Door, actor.ConversationId, verb, kind, name, ns, decision, reason, null, actor.ModelInitiated, actionId));

    /// <summary>A refusal, audited with the code of the rule that refused it.</summary>
    private void Audit(Actor actor, string verb, string? kind, string? name, string? ns, GuardRefusal refusal, string? actionId = null) =>
        audit.Record(new AuditEntry(clock.GetUtcNow(), actor.LearnerId, actor.Door, actor.ConversationId, verb, kind, name, ns, AuditDecision.Refused, refusal.English, null, actor.ModelInitiated, actionId, refusal.Code));

    private static GuardRefusal ApiRefusal(string where, MeshApiException e)
    {
        var causes = e.Causes.Count == 0 ? "" : " (" + string.Join("; ", e.Causes.Select(c => $"{c.Field}: {c.Message}")) + ")";
        // Forbidden/Unauthorized from the API server is a rule; anything else (Invalid, Conflict, …) is the input.
        var kind = e.Code is 401 or 403 ? RefusalKind.Policy : RefusalKind.Input;
        return new GuardRefusal(
            "api-" + e.Reason.ToLowerInvariant(),
            $"{where}: the cluster refused it ({e.Code} {e.Reason}): {e.Message}{causes}. Nothing was changed.",
            $"{where}: 클러스터가 거부했습니다({e.Code} {e.Reason}): {e.Message}{causes}. 아무것도 바꾸지 않았습니다.",
            kind);
    }

    private static string Where(ManifestDocument doc, string lang = "en") =>
        lang == "ko" ? $"{doc.Index}번째 문서({doc.Line}행)" : $"document {doc.Index} (line {doc.Line})";

    private static string Verb(ChangeVerb verb) => verb switch
    {
        ChangeVerb.Create => "create",
        ChangeVerb.Replace => "update",
        _ => "delete",
    };

    private static string Past(ChangeVerb verb) => verb switch
    {
        ChangeVerb.Create => "created",
        ChangeVerb.Replace => "updated",
        _ => "deleted",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>64 random bits: a preview id cannot be guessed, and is useless to anyone but its owner anyway.</summary>
    public void Dispose() => _confirmGate.Dispose();

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
