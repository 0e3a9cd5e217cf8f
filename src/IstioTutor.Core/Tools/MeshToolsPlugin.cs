using System.ComponentModel;
using System.Text.Json.Nodes;
using IstioTutor.Core.Guard;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Tools;

/// <summary>
/// The tutor's cluster tools for one actor — the single entry point for chat commands and for a model
/// (Semantic Kernel function calling). The actor is fixed when the plugin is built by
/// <see cref="MeshToolsFactory"/>; no argument can name another learner's identity. Every call goes
/// through <see cref="GuardedMesh"/>, which checks and audits it; refusals surface as <see cref="GuardException"/>.
/// </summary>
public sealed class MeshToolsPlugin(
    Actor actor,
    GuardedMesh mesh,
    LabGrader grader,
    LabCatalog labs,
    MeshAnalyzer analyzer,
    TrafficSimulator simulator)
{
    public Actor Actor => actor;

    [KernelFunction("get_resources")]
    [Description("Lists Kubernetes/Istio objects of one kind in the learner's sandbox namespace, or gets one by name. Kinds: virtualservices, destinationrules, gateways, serviceentries, peerauthentications, authorizationpolicies, requestauthentications, telemetries, envoyfilters, wasmplugins, services, pods, deployments.")]
    public Task<ReadResult> GetResourcesAsync(
        [Description("Kind, plural or short name, e.g. 'vs' or 'destinationrules'.")] string kind,
        [Description("Object name; omit to list all.")] string? name = null,
        CancellationToken cancellationToken = default) =>
        mesh.ReadAsync(actor, kind, string.IsNullOrWhiteSpace(name) ? null : name, null, cancellationToken);

    [KernelFunction("show_topology")]
    [Description("Shows the sample app in the learner's namespace: services and their versions, which service calls which, and the routes VirtualServices configure.")]
    public async Task<TopologyView> ShowTopologyAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await mesh.SnapshotAsync(actor, "topology", cancellationToken);
        var services = snapshot.Services.Select(s => JsonFields.Name(s)!).OrderBy(n => n, StringComparer.Ordinal).Select(service =>
        {
            var versions = snapshot.Pods.Where(p => JsonFields.Str(p["metadata"]?["labels"]?["app"]) == service)
                .Select(p => JsonFields.Str(p["metadata"]?["labels"]?["version"]) ?? "-").Distinct().OrderBy(v => v, StringComparer.Ordinal);
            return $"{service}: {string.Join(", ", versions)}";
        }).ToList();
        var calls = BookinfoTopology.Calls.Select(c => $"{c.FromApp}{(c.FromVersion is null ? "" : " " + c.FromVersion)} → {c.ToHost}").ToList();
        var routes = snapshot.IstioConfig.Where(o => JsonFields.Str(o["kind"]) == "VirtualService").Select(vs =>
        {
            var hosts = string.Join(", ", (vs["spec"]?["hosts"] as JsonArray ?? []).Select(JsonFields.Str));
            var rules = (vs["spec"]?["http"] as JsonArray ?? []).OfType<JsonObject>().Select(r =>
                (r["match"] is JsonArray { Count: > 0 } ? "when matched: " : "") + string.Join(" + ", (r["route"] as JsonArray ?? []).OfType<JsonObject>().Select(d =>
                    $"{JsonFields.Str(d["destination"]?["host"])}{(JsonFields.Str(d["destination"]?["subset"]) is { } s ? "/" + s : "")}{(d["weight"] is { } w ? $" {w}%" : "")}")));
            return $"VirtualService {JsonFields.Name(vs)} ({hosts}): {string.Join("; ", rules)}";
        }).ToList();
        return new TopologyView(snapshot.Namespace, services, calls, routes, mesh.ClusterDescription);
    }

    [KernelFunction("analyze")]
    [Description("Runs istioctl-analyze-style checks on the learner's namespace and returns the findings (IST codes), errors first.")]
    public async Task<IReadOnlyList<AnalysisMessage>> AnalyzeAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await mesh.SnapshotAsync(actor, "analyze", cancellationToken);
        return analyzer.Analyze(snapshot);
    }

    [KernelFunction("simulate")]
    [Description("Predicts with the traffic simulator (no real traffic) what N requests from a source workload to a host would do under the learner's current configuration: versions reached, status codes, latency.")]
    public async Task<SimulationReport> SimulateAsync(
        [Description("Destination host, e.g. 'reviews'.")] string host,
        [Description("Source app or pod, e.g. 'productpage'; omit for a client without a sidecar.")] string? source = null,
        [Description("Number of requests, 1 to 10000.")] int requests = 100,
        [Description("Request headers as 'name=value' pairs separated by commas, e.g. 'end-user=jason'.")] string? headers = null,
        [Description("Request path starting with '/', e.g. '/productpage'; default '/'.")] string? path = null,
        [Description("HTTP method: GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS; default GET.")] string? method = null,
        CancellationToken cancellationToken = default)
    {
        if (requests is < 1 or > 10_000)
        {
            throw GuardException.Input("invalid-count", $"requests must be between 1 and 10000 (got {requests}).", $"요청 수는 1~10000 이어야 합니다({requests}).");
        }

        path = string.IsNullOrWhiteSpace(path) ? "/" : path.Trim();
        if (!path.StartsWith('/') || path.Any(char.IsWhiteSpace))
        {
            throw GuardException.Input("invalid-path", $"The path '{path}' must start with '/' and contain no spaces, e.g. /productpage.", $"경로 '{path}'는 '/'로 시작하고 공백이 없어야 합니다(예: /productpage).");
        }

        method = string.IsNullOrWhiteSpace(method) ? "GET" : method.Trim().ToUpperInvariant();
        if (!HttpMethods.Contains(method, StringComparer.Ordinal))
        {
            throw GuardException.Input("invalid-method", $"The method '{method}' is not one of {string.Join(", ", HttpMethods)}.", $"메서드 '{method}'는 {string.Join(", ", HttpMethods)} 중 하나가 아닙니다.");
        }

        var snapshot = await mesh.SnapshotAsync(actor, "simulate", cancellationToken);
        var parsed = (headers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.Split(['=', ':'], 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim(), StringComparer.Ordinal);
        try
        {
            return simulator.Simulate(snapshot, new SimulationRequest(host) { Source = string.IsNullOrWhiteSpace(source) ? null : source, Requests = requests, Headers = parsed, Path = path, Method = method });
        }
        catch (ArgumentException e)
        {
            throw GuardException.Input("simulate-failed", $"Cannot simulate: {e.Message}", $"시뮬레이션할 수 없습니다: {e.Message}");
        }
    }

    [KernelFunction("preview_apply")]
    [Description("Previews applying Istio YAML (one or more documents) to the learner's namespace: validation, server dry run, diff, analysis and a traffic prediction. Nothing changes until the learner confirms the returned preview id with /confirm.")]
    public Task<PreviewResult> PreviewApplyAsync(
        [Description("The YAML manifest; documents separated by ---.")] string yaml,
        CancellationToken cancellationToken = default) =>
        mesh.PreviewApplyAsync(actor, ManifestYaml(yaml), cancellationToken);

    [KernelFunction("preview_delete")]
    [Description("Previews deleting one Istio object in the learner's namespace. The learner must confirm it.")]
    public Task<PreviewResult> PreviewDeleteAsync(
        [Description("Istio kind, e.g. 'VirtualService' or 'vs'.")] string kind,
        [Description("Object name.")] string name,
        CancellationToken cancellationToken = default) =>
        mesh.PreviewDeleteAsync(actor, kind, name, null, cancellationToken);

    [KernelFunction("preview_undo")]
    [Description("Previews reverting the learner's last applied change (restoring the objects it replaced). The learner must confirm it.")]
    public Task<PreviewResult> PreviewUndoAsync(CancellationToken cancellationToken = default) =>
        mesh.PreviewUndoAsync(actor, cancellationToken);

    [KernelFunction("preview_reset_sandbox")]
    [Description("Previews deleting all Istio configuration in the learner's sandbox (mentors may name another learner). The learner must confirm it.")]
    public Task<PreviewResult> PreviewResetAsync(
        [Description("Another learner's id (mentors only); omit for the learner's own sandbox.")] string? learner = null,
        CancellationToken cancellationToken = default) =>
        mesh.PreviewResetAsync(actor, learner, cancellationToken);

    [KernelFunction("confirm")]
    [Description("Applies a preview. Only the learner can confirm (the /confirm command or the Confirm button); a model's call is refused.")]
    public Task<GuardResult> ConfirmAsync(
        [Description("Preview id; omit for the newest preview in this conversation.")] string? previewId = null,
        CancellationToken cancellationToken = default) =>
        mesh.ConfirmAsync(actor, previewId, cancellationToken);

    [KernelFunction("cancel")]
    [Description("Drops a pending preview without applying it.")]
    public Task<PendingAction> CancelAsync(
        [Description("Preview id; omit for the newest preview in this conversation.")] string? previewId = null,
        CancellationToken cancellationToken = default) =>
        mesh.CancelAsync(actor, previewId, cancellationToken);

    [KernelFunction("list_labs")]
    [Description("Lists the graded hands-on labs with their ids, stages and titles.")]
    public IReadOnlyList<LabDefinition> ListLabs() => labs.All.Select(l => l.Definition).ToList();

    [KernelFunction("check_lab")]
    [Description("Grades a lab in the learner's sandbox (resources, analysis, simulated traffic) and records the result as progress.")]
    public Task<CheckResult> CheckLabAsync(
        [Description("Lab id, e.g. 'request-routing'.")] string labId,
        CancellationToken cancellationToken = default) =>
        grader.CheckAsync(actor, labId, cancellationToken);

    /// <summary>Accepts a bare manifest or a chat message holding a fenced block.</summary>
    /// <summary>The methods the simulator's route matching understands.</summary>
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private static string ManifestYaml(string text) => Guard.Manifests.ManifestParser.ExtractYaml(text ?? "");
}
