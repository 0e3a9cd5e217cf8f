using IstioTutor.Core.Guard;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// The model's tools for one turn: the guarded plugin bound to the learner as a model-initiated actor,
/// the policy filter and the tool-call budget. The preview a model makes shows up as the learner's
/// pending action (with its Confirm card) — the guard refuses a confirmation that comes from the model.
/// </summary>
public sealed class GuardedModelToolbox(
    IModelPluginSource plugins,
    GuardedMesh guard,
    IMeshCluster cluster,
    IAuditLog audit,
    IOptions<LlmOptions> options,
    TimeProvider clock,
    ILogger<GuardedModelToolbox> logger) : IModelToolbox
{
    public async Task<ModelToolSession> OpenAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        var actor = new Actor(request.Learner, request.Door, request.ConversationId, request.Lang, ModelInitiated: true);
        var masker = o.MaskResourceNames
            ? NameMasker.For([request.Learner.Id, request.Learner.Namespace, request.Learner.DisplayName, .. await SandboxNamesAsync(actor, cancellationToken)])
            : NameMasker.Disabled();
        var before = guard.CurrentPending(actor)?.Id;
        var filter = new ModelToolFilter(actor, audit, masker, clock, logger);
        var budget = new ToolCallBudgetFilter(o.MaxToolCallsPerTurn);
        return new ModelToolSession(
            masker,
            plugins.Create(actor),
            [filter],
            [budget],
            () => filter.Calls,
            () => [],
            () => guard.CurrentPending(actor) is { } p && p.Id != before && p.ModelInitiated ? p.ToView() : null);
    }

    /// <summary>
    /// Names of the learner's own objects, for masking. Read straight from the cluster, not through the
    /// guard: it is the tutor preparing the prompt, not an action of the learner or the model.
    /// </summary>
    private async Task<IEnumerable<string>> SandboxNamesAsync(Actor actor, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await cluster.SnapshotAsync(actor.Namespace, cancellationToken);
            return snapshot.IstioConfig.Concat(snapshot.Services).Concat(snapshot.Pods)
                .Select(o => o["metadata"]?["name"]?.GetValue<string>())
                .OfType<string>()
                .ToArray();
        }
        catch (MeshApiException e)
        {
            logger.LogWarning("Could not list {Namespace} for name masking ({Status}); only the learner's id and namespace are masked.", actor.Namespace, e.Message);
            return [];
        }
    }
}
