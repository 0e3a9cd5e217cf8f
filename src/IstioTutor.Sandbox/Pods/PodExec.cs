using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Shell;
using Microsoft.AspNetCore.Http;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// <c>GET /api/v1/namespaces/NS/pods/NAME/exec?command=..&amp;container=..&amp;stdin=..&amp;stdout=..&amp;stderr=..&amp;tty=..</c>
/// upgraded to a WebSocket (<see cref="ExecChannels"/>): the command runs in <see cref="SimulatedShell"/>, never as
/// a process; its output, then its exit status, go back on their channels.
/// </summary>
internal sealed class PodExec(PodTraffic traffic, PodFiles files, ExecLimits limits)
{
    private static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(15);

    public async Task ServeAsync(HttpContext context, JsonObject podObject)
    {
        var query = context.Request.Query;
        var pod = PodFacts.From(podObject);
        var container = ContainerOf(query["container"], pod, podObject);
        var command = query["command"].Where(c => c is not null).Select(c => c!).ToList();
        if (command.Count == 0)
        {
            throw StatusError.BadRequest("you must specify at least 1 command");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw StatusError.BadRequest("Upgrade request required: the sandbox serves exec over WebSocket (v5.channel.k8s.io, v4.channel.k8s.io), as kubectl 1.30 and later speak it");
        }

        var protocol = ExecChannels.Supported.FirstOrDefault(p => context.WebSockets.WebSocketRequestedProtocols.Contains(p))
            ?? throw StatusError.BadRequest($"none of the requested subprotocols ({string.Join(", ", context.WebSockets.WebSocketRequestedProtocols)}) is served; the sandbox speaks {string.Join(", ", ExecChannels.Supported)}");
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = protocol });
        var channels = new ExecChannels(socket);

        // kubectl starts reading only once it has set up its streams; output sent at once can land before that
        // ("Unknown stream id 2, discarding message" under load). A real container takes longer than this to start.
        await Task.Delay(StartDelay, context.RequestAborted);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(limits.WallTime + TimeSpan.FromSeconds(10));
        var tty = IsTrue(query["tty"]);
        var readsStdin = IsTrue(query["stdin"]) && SimulatedShell.ReadsStdin(command);
        if (readsStdin && tty)
        {
            // An interactive session has its own bounds (idle and total time), not a single command's.
            var shell = new SimulatedShell(pod, container, traffic.From(pod, container), files, limits);
            var code = await new InteractiveShell(channels, shell, limits).RunAsync(context.RequestAborted);
            await channels.WriteStatusAsync(code, command, context.RequestAborted);
            await channels.CloseAsync(context.RequestAborted);
            return;
        }

        ShellResult result;
        if (readsStdin)
        {
            var (text, tooLong) = await channels.ReadStdinAsync(limits.MaxStdinBytes, deadline.Token);
            result = tooLong ? new ShellResult("", $"sandbox: standard input passed {limits.MaxStdinBytes} bytes; nothing was run\n", 1) : Run(pod, container, command, text, deadline.Token);
        }
        else
        {
            result = Run(pod, container, command, null, deadline.Token);
        }

        var (stdout, stderr) = tty ? (InteractiveShell.Crlf(result.Stdout + result.Stderr), "") : (result.Stdout, result.Stderr);
        if (stdout.Length > 0 && IsTrue(query["stdout"], true))
        {
            await channels.WriteAsync(ExecChannels.Stdout, stdout, deadline.Token);
        }

        if (stderr.Length > 0 && IsTrue(query["stderr"], true))
        {
            await channels.WriteAsync(ExecChannels.Stderr, stderr, deadline.Token);
        }

        await channels.WriteStatusAsync(result.ExitCode, command, deadline.Token);
        await channels.CloseAsync(deadline.Token);
    }

    /// <summary>Runs a command the way one exec does, for the WebSocket and for callers in-process (benchmarks, tests).</summary>
    public ShellResult Run(PodFacts pod, string container, IReadOnlyList<string> command, string? stdin, CancellationToken cancellation) =>
        new SimulatedShell(pod, container, traffic.From(pod, container), files, limits).Run(command, stdin, cancellation);

    /// <summary>The container to run in: the one named, else the pod's default; a name the pod lacks is refused as the API server does.</summary>
    public static string ContainerOf(string? named, PodFacts pod, JsonObject podObject)
    {
        if (!string.IsNullOrEmpty(named))
        {
            return pod.HasContainer(named) ? named : throw StatusError.BadRequest($"container {named} is not valid for pod {pod.Name}");
        }

        return pod.DefaultContainer(podObject)
            ?? throw StatusError.BadRequest($"a container name must be specified for pod {pod.Name}, choose one of: [{string.Join(" ", pod.Containers)}]");
    }

    private static bool IsTrue(string? value, bool missing = false) => value is null ? missing : value is "true" or "1";
}
