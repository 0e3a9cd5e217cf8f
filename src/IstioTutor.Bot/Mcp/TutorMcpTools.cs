using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IstioTutor.Bot.Mcp;

/// <summary>
/// The tutor's MCP tools. Each one is a chat command (or a question) sent through <see cref="McpDoor"/> to the
/// one turn pipeline, so answers, grading, the guard and progress are exactly those of every other door.
/// None takes a learner or a namespace: the caller is who the transport says.
/// </summary>
[McpServerToolType]
public sealed class TutorMcpTools(McpDoor door)
{
    [McpServerTool(Name = "ask", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Asks the Istio tutor a question in English or Korean. The answer comes from the curriculum with citations (lesson, section, resource URI); 'grounded' says whether it rests on the curriculum. Questions about other topics are refused.")]
    public Task<CallToolResult> Ask(
        RequestContext<CallToolRequestParams> request,
        [Description("The question, e.g. 'How do I split traffic 90/10 between two versions?'")] string question,
        CancellationToken cancellationToken)
    {
        var text = question?.Trim() ?? "";
        if (text.Length == 0 || text.StartsWith('/'))
        {
            throw new McpException("Not done: 'question' must be a question in words; chat commands go through the other tools (open_lesson, check_lab, preview_apply, ...).");
        }

        return door.TurnAsync(request.User, "ask", text, cancellationToken);
    }

    [McpServerTool(Name = "list_lessons", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Lists the curriculum's lessons by stage, marking the ones the learner has finished.")]
    public Task<CallToolResult> ListLessons(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "list_lessons", "/lessons", cancellationToken);

    [McpServerTool(Name = "open_lesson", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Opens a lesson (objectives, sections, labs) and records it as the learner's current lesson.")]
    public Task<CallToolResult> OpenLesson(
        RequestContext<CallToolRequestParams> request,
        [Description("Lesson id, e.g. 'traffic-shifting'; list_lessons shows them.")] string lessonId,
        CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "open_lesson", "/lesson " + McpArguments.Word(lessonId, "lessonId"), cancellationToken);

    [McpServerTool(Name = "next_lesson", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Opens the learner's next lesson in learning order.")]
    public Task<CallToolResult> NextLesson(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "next_lesson", "/next", cancellationToken);

    [McpServerTool(Name = "list_labs", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Lists the graded hands-on labs by stage, marking the ones the learner has passed.")]
    public Task<CallToolResult> ListLabs(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "list_labs", "/labs", cancellationToken);

    [McpServerTool(Name = "open_lab", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Opens a lab: its goal, the steps and the kinds to write in the learner's sandbox namespace.")]
    public Task<CallToolResult> OpenLab(
        RequestContext<CallToolRequestParams> request,
        [Description("Lab id, e.g. 'request-routing'; list_labs shows them.")] string labId,
        CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "open_lab", "/lab " + McpArguments.Word(labId, "labId"), cancellationToken);

    [McpServerTool(Name = "hint", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Reveals one more hint for a lab (each call shows the next one).")]
    public Task<CallToolResult> Hint(
        RequestContext<CallToolRequestParams> request,
        [Description("Lab id, e.g. 'request-routing'.")] string labId,
        CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "hint", "/hint " + McpArguments.Word(labId, "labId"), cancellationToken);

    [McpServerTool(Name = "check_lab", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Grades a lab in the learner's sandbox and records the result as progress: verdict (check.passed), findings with hints, and how it was checked (check.method).")]
    public Task<CallToolResult> CheckLab(
        RequestContext<CallToolRequestParams> request,
        [Description("Lab id, e.g. 'request-routing'.")] string labId,
        CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "check_lab", "/check " + McpArguments.Word(labId, "labId"), cancellationToken);

    [McpServerTool(Name = "get_resources", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Lists objects of one kind in the learner's sandbox namespace, or shows one as YAML. Kinds: virtualservices, destinationrules, gateways, serviceentries, peerauthentications, authorizationpolicies, requestauthentications, telemetries, envoyfilters, wasmplugins, services, pods, deployments (short names like 'vs' work).")]
    public Task<CallToolResult> GetResources(
        RequestContext<CallToolRequestParams> request,
        [Description("Kind, plural or short name, e.g. 'vs'.")] string kind,
        [Description("Object name; omit to list all.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        var text = "/get " + McpArguments.Word(kind, "kind");
        if (McpArguments.OptionalWord(name, "name") is { } n)
        {
            text += " " + n;
        }

        return door.TurnAsync(request.User, "get_resources", text, cancellationToken);
    }

    [McpServerTool(Name = "analyze", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Runs istioctl-analyze-style checks on the learner's sandbox namespace (IST codes, errors first).")]
    public Task<CallToolResult> Analyze(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "analyze", "/analyze", cancellationToken);

    [McpServerTool(Name = "simulate", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Predicts with the traffic simulator (no real traffic) what requests from a source to a host would do under the learner's configuration: versions reached, status codes, latency.")]
    public Task<CallToolResult> Simulate(
        RequestContext<CallToolRequestParams> request,
        [Description("Destination host, e.g. 'reviews'.")] string host,
        [Description("Source app, e.g. 'productpage'; omit for a client without a sidecar.")] string? source = null,
        [Description("Number of requests, 1 to 10000; default 100.")] int? requests = null,
        [Description("Request headers as 'name=value' pairs separated by commas, e.g. 'end-user=jason'.")] string? headers = null,
        [Description("Request path starting with '/', e.g. '/productpage'.")] string? path = null,
        [Description("HTTP method, e.g. GET; default GET.")] string? method = null,
        CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder("/simulate ").Append(McpArguments.Word(host, "host"));
        if (McpArguments.OptionalWord(source, "source") is { } s)
        {
            text.Append(" --from ").Append(s);
        }

        if (requests is { } r)
        {
            text.Append(" --count ").Append(r.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var header in (headers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            text.Append(" --header ").Append(McpArguments.Word(header, "headers"));
        }

        if (!string.IsNullOrWhiteSpace(path))
        {
            // A path starts with '/', which Word refuses as a leading character; check the rest the same way.
            var p = path.Trim();
            text.Append(" --path ").Append(p.StartsWith('/') ? "/" + (p.Length > 1 ? McpArguments.Word(p[1..], "path") : "") : McpArguments.Word(p, "path"));
        }

        if (McpArguments.OptionalWord(method, "method") is { } m)
        {
            text.Append(" --method ").Append(m);
        }

        return door.TurnAsync(request.User, "simulate", text.ToString(), cancellationToken);
    }

    [McpServerTool(Name = "preview_apply", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Previews applying Istio YAML (one or more documents) to the learner's sandbox: validation, server dry run, diff, analysis findings and a traffic prediction. Nothing changes: the result's pendingAction.id must be confirmed by the learner (the confirm tool asks them).")]
    public Task<CallToolResult> PreviewApply(
        RequestContext<CallToolRequestParams> request,
        [Description("The YAML manifest; documents separated by ---.")] string yaml,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            throw new McpException("Not done: 'yaml' is empty; pass the Istio manifest to preview.");
        }

        return door.TurnAsync(request.User, "preview_apply", "/apply\n```yaml\n" + yaml.Trim().Replace("```", "", StringComparison.Ordinal) + "\n```", cancellationToken);
    }

    [McpServerTool(Name = "preview_delete", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Previews deleting one Istio object in the learner's sandbox (diff, findings, prediction). Nothing changes until the learner confirms it.")]
    public Task<CallToolResult> PreviewDelete(
        RequestContext<CallToolRequestParams> request,
        [Description("Istio kind, e.g. 'VirtualService' or 'vs'.")] string kind,
        [Description("Object name.")] string name,
        CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "preview_delete", $"/delete {McpArguments.Word(kind, "kind")} {McpArguments.Word(name, "name")}", cancellationToken);

    [McpServerTool(Name = "confirm", Destructive = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Asks the learner — not you — whether to apply a preview. The server puts a yes/no question in front of the learner in the client's UI; only their yes applies it. A client that cannot ask (no elicitation) gets a refusal and the learner types /confirm ID in any door. You cannot confirm on their behalf.")]
    public Task<CallToolResult> Confirm(
        RequestContext<CallToolRequestParams> request,
        [Description("The preview id from preview_apply or preview_delete (pendingAction.id).")] string previewId,
        CancellationToken cancellationToken) =>
        door.ConfirmAsync(request.Server, request.User, previewId, cancellationToken);

    [McpServerTool(Name = "cancel", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Drops a pending preview without applying anything.")]
    public Task<CallToolResult> Cancel(
        RequestContext<CallToolRequestParams> request,
        [Description("The preview id.")] string previewId,
        CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "cancel", "/cancel " + McpArguments.Word(previewId, "previewId"), cancellationToken);

    [McpServerTool(Name = "quiz", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Starts (or continues) the quiz of a lesson and shows the question with numbered options; answer with answer_quiz.")]
    public Task<CallToolResult> Quiz(
        RequestContext<CallToolRequestParams> request,
        [Description("Lesson id; omit for the learner's current lesson.")] string? lessonId = null,
        CancellationToken cancellationToken = default) =>
        door.TurnAsync(request.User, "quiz", McpArguments.OptionalWord(lessonId, "lessonId") is { } id ? "/quiz " + id : "/quiz", cancellationToken);

    [McpServerTool(Name = "answer_quiz", UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Answers the open quiz question with the learner's chosen option number; the score counts toward the learner's stage.")]
    public Task<CallToolResult> AnswerQuiz(
        RequestContext<CallToolRequestParams> request,
        [Description("The option number the learner chose (1-based).")] int option,
        CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "answer_quiz", "/answer " + option.ToString(CultureInfo.InvariantCulture), cancellationToken);

    [McpServerTool(Name = "progress", ReadOnly = true, UseStructuredContent = true, OutputSchemaType = typeof(McpTurnContent))]
    [Description("Shows the learner's progress: stage, lessons, quiz scores and labs passed (the same record every door adds to).")]
    public Task<CallToolResult> Progress(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        door.TurnAsync(request.User, "progress", "/progress", cancellationToken);
}
