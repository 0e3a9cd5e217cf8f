using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// Kubernetes' remote-command channels over one WebSocket (<c>v5.channel.k8s.io</c>, or v4 without the close
/// channel): every binary frame starts with its channel byte — 0 stdin, 1 stdout, 2 stderr, 3 error (a
/// metav1.Status with the exit code), 4 terminal resize, 255 close (v5: <c>[255, 0]</c> closes stdin).
/// </summary>
internal sealed class ExecChannels(WebSocket socket)
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    private const int FrameBytes = 32 * 1024;

    public static IReadOnlyList<string> Supported { get; } = [V5, V4];

    public async Task WriteAsync(byte channel, string text, CancellationToken cancellation)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += FrameBytes)
        {
            var length = Math.Min(FrameBytes, bytes.Length - offset);
            var frame = new byte[length + 1];
            frame[0] = channel;
            Buffer.BlockCopy(bytes, offset, frame, 1, length);
            await socket.SendAsync(frame, WebSocketMessageType.Binary, true, cancellation);
        }
    }

    /// <summary>The exit status kubectl turns into its own exit code (NonZeroExitCode → "command terminated with exit code N").</summary>
    public Task WriteStatusAsync(int exitCode, IReadOnlyList<string> command, CancellationToken cancellation)
    {
        var status = exitCode == 0
            ? new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" }
            : new JsonObject
            {
                ["metadata"] = new JsonObject(),
                ["status"] = "Failure",
                ["message"] = $"command terminated with non-zero exit code: error executing command [{Shell.SimulatedShell.Printable(string.Join(' ', command))}], exit code {exitCode}",
                ["reason"] = "NonZeroExitCode",
                ["details"] = new JsonObject
                {
                    ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                },
            };
        return WriteAsync(Error, status.ToJsonString(), cancellation);
    }

    /// <summary>
    /// Reads the client's standard input until it closes it (v5 close frame or socket close) or sends more
    /// than <paramref name="maxBytes"/>; resize frames are read and ignored.
    /// </summary>
    public async Task<(string Text, bool TooLong)> ReadStdinAsync(int maxBytes, CancellationToken cancellation)
    {
        using var stdin = new MemoryStream();
        while (await ReadFrameAsync(maxBytes, cancellation) is { } frame)
        {
            if (frame.Channel == Close && frame.Data is [Stdin, ..])
            {
                break;
            }

            if (frame.Channel == Stdin)
            {
                stdin.Write(frame.Data);
                if (stdin.Length > maxBytes)
                {
                    return ("", true);
                }
            }
        }

        return (Encoding.UTF8.GetString(stdin.ToArray()), false);
    }

    /// <summary>The next frame from the client (its channel and payload), or null once it closed the socket; a frame over <paramref name="maxBytes"/> ends the read too.</summary>
    public async Task<(byte Channel, byte[] Data)?> ReadFrameAsync(int maxBytes, CancellationToken cancellation)
    {
        var buffer = new byte[8192];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, result.Count);
            if (frame.Length > maxBytes + 1)
            {
                return null;
            }

            if (result.EndOfMessage && frame.Length > 0)
            {
                var bytes = frame.ToArray();
                return (bytes[0], bytes[1..]);
            }
        }
    }

    /// <summary>Closes as the API server does, then gives the client a moment to answer with its own close.</summary>
    public async Task CloseAsync(CancellationToken cancellation)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellation);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        wait.CancelAfter(TimeSpan.FromSeconds(2));
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                await socket.ReceiveAsync(buffer, wait.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away without its close frame; the socket is done either way.
        }
    }
}
