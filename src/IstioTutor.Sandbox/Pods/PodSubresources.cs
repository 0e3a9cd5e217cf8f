using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Shell;
using Microsoft.AspNetCore.Http;

namespace IstioTutor.Sandbox.Pods;

/// <summary>A pod's <c>exec</c> and <c>log</c> subresources: both answer by themselves (WebSocket, plain text), not as JSON.</summary>
internal sealed class PodSubresources
{
    private readonly ResourceApi _api;

    public PodSubresources(ResourceApi api, TimeProvider time, ExecLimits limits)
    {
        _api = api;
        var logs = new PodLogBook();
        Exec = new PodExec(new PodTraffic(api, logs, time), new PodFiles(), limits);
        Logs = new PodLogs(logs, time);
    }

    public PodExec Exec { get; }

    public PodLogs Logs { get; }

    public static bool Serves(string subresource) => subresource is "exec" or "log";

    public async Task ServeAsync(HttpContext context, string ns, string name, string subresource)
    {
        var pod = _api.FindCore("pods", ns, name)
            ?? throw new StatusError(404, "NotFound", $"pods \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = "pods" });
        var allowed = subresource == "exec" ? context.Request.Method is "GET" or "POST" : context.Request.Method == "GET";
        if (!allowed)
        {
            throw new StatusError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({context.Request.Method} pods/{subresource})");
        }

        await (subresource == "exec" ? Exec.ServeAsync(context, pod) : Logs.ServeAsync(context, pod));
    }
}
