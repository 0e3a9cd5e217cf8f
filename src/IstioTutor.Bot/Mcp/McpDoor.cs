using System.Security.Claims;
using System.Text;
using System.Text.Json;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IstioTutor.Bot.Mcp;

/// <summary>
/// The MCP door: turns a tool call into the same turn request every door sends (door <see cref="Door.Mcp"/>,
/// model-initiated) and the turn result into readable text plus structured content. It holds no tutoring
/// logic; the pipeline and the guard below it decide everything. Every call is written to the audit log with
/// its door and whether a model started it.
/// </summary>
public sealed class McpDoor(
    TutorPipeline pipeline,
    McpLearnerIdentity identity,
    IPendingActionStore pending,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <summary>One conversation per learner for MCP: previews made through any MCP client supersede each other.</summary>
    public const string Conversation = "mcp";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs one model-initiated turn (a chat command or a question) for the calling learner.</summary>
    public async Task<CallToolResult> TurnAsync(ClaimsPrincipal? user, string tool, string text, CancellationToken cancellationToken)
    {
        var learnerId = identity.LearnerOf(user);
        var result = await SendAsync(learnerId, text, modelInitiated: true, cancellationToken);
        Audit(learnerId, tool, $"MCP tool call {tool}", modelInitiated: true);
        return ToToolResult(result);
    }

    /// <summary>
    /// Asks the person — through the client's own UI (MCP elicitation), not the model — whether to apply a preview,
    /// and applies it only on an explicit yes. A client without elicitation gets the guard's refusal of a
    /// model's confirmation and is told to have the learner type <c>/confirm ID</c> in any door.
    /// </summary>
    public async Task<CallToolResult> ConfirmAsync(McpServer server, ClaimsPrincipal? user, string previewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var id = McpArguments.Word(previewId, "previewId");
        var learnerId = identity.LearnerOf(user);
        var ns = LearnerIds.NamespaceOf(learnerId);
        var yourself = $"To apply it, type /confirm {id} yourself in any door: istiotutor chat, istiotutor ask, the web chat, Teams or Slack.";

        if (server.ClientCapabilities?.Elicitation is null)
        {
            // Sent as the model's own confirmation, so the guard refuses and audits it like any model's attempt.
            var refused = await SendAsync(learnerId, $"/confirm {id}", modelInitiated: true, cancellationToken);
            Audit(learnerId, "confirm", "MCP confirm: the client cannot ask the learner (no elicitation); refused", modelInitiated: true, id);
            return ToToolResult(refused with { Text = refused.Text.TrimEnd() + "\n" + yourself });
        }

        var action = pending.Find(id);
        if (action is null || action.LearnerId != learnerId || action.Status != PendingStatus.Pending || action.ExpiresAt <= clock.GetUtcNow())
        {
            Audit(learnerId, "confirm", "MCP confirm: no such pending preview of this learner", modelInitiated: true, id, AuditDecision.Refused);
            return Text($"Not done: there is no preview '{id}' of yours waiting for confirmation. Preview the change again (preview_apply or preview_delete).", isError: true);
        }

        var answer = await server.ElicitAsync(new ElicitRequestParams
        {
            Message = $"Apply preview {action.Id} to {action.TargetNamespace}? {action.Summary}",
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties =
                {
                    ["apply"] = new ElicitRequestParams.BooleanSchema
                    {
                        Title = $"Apply {action.Id} to {action.TargetNamespace}",
                        Description = "Yes applies the previewed change to your sandbox; no leaves everything as it is.",
                    },
                },
                Required = ["apply"],
            },
        }, cancellationToken);

        // Consent is an explicit accept carrying apply=true; decline, cancel, a missing or non-boolean value all mean no.
        var yes = answer.Action == "accept" && answer.Content?.TryGetValue("apply", out var value) == true && value.ValueKind == JsonValueKind.True;
        if (!yes)
        {
            Audit(learnerId, "confirm", $"MCP confirm: the learner answered '{answer.Action}' without yes; nothing applied", modelInitiated: true, id, AuditDecision.Refused);
            return Text($"Not applied: the learner did not approve preview {id} in {ns}. It stays pending until it expires; {yourself}");
        }

        // The elicitation answer is the person's: the client shows the question in its own UI and returns what the
        // user chose; the model neither sees the form nor writes its answer. So this turn is not model-initiated.
        var applied = await SendAsync(learnerId, $"/confirm {id}", modelInitiated: false, cancellationToken);
        Audit(learnerId, "confirm", "MCP confirm: the learner approved through elicitation", modelInitiated: false, id);
        return ToToolResult(applied);
    }

    private Task<TurnResult> SendAsync(string learnerId, string text, bool modelInitiated, CancellationToken cancellationToken) =>
        pipeline.HandleAsync(new TurnRequest(Door.Mcp, learnerId, Conversation, text, ModelInitiated: modelInitiated, LearnerId: learnerId), cancellationToken);

    private void Audit(string learnerId, string tool, string reason, bool modelInitiated, string? actionId = null, AuditDecision decision = AuditDecision.Allowed) =>
        audit.Record(new AuditEntry(clock.GetUtcNow(), learnerId, Door.Mcp, Conversation, $"mcp-{tool}", null, null, LearnerIds.NamespaceOf(learnerId), decision, reason, null, modelInitiated, actionId));

    private static CallToolResult ToToolResult(TurnResult result)
    {
        var content = McpTurnContent.From(result);
        var text = new StringBuilder(result.Text.TrimEnd());
        if (content.Citations.Count > 0)
        {
            text.AppendLine().AppendLine().AppendLine(result.Lang == "ko" ? "출처:" : "Sources:");
            foreach (var c in content.Citations)
            {
                text.AppendLine($"- {c.Title} § {c.Section} ({c.Stage}, {c.Lang}) {c.Uri}");
            }
        }

        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text.ToString().TrimEnd() }],
            StructuredContent = JsonSerializer.SerializeToElement(content, Json),
        };
    }

    private static CallToolResult Text(string text, bool isError = false) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        IsError = isError ? true : null,
    };
}
