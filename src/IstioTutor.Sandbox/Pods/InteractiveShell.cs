using System.Text;
using IstioTutor.Sandbox.Shell;

namespace IstioTutor.Sandbox.Pods;

/// <summary>
/// <c>kubectl exec -it POD -- sh</c>: a prompt on the terminal, the typed line echoed as a terminal would,
/// each line run by the same <see cref="SimulatedShell"/> when Enter is pressed. Ctrl-C drops the line,
/// Ctrl-D on an empty line or <c>exit</c> ends the session. Bounded like every exec: a line is at most the
/// shell's script limit, and the session ends after <see cref="IdleLimit"/> without input or <see cref="SessionLimit"/> in all.
/// </summary>
internal sealed class InteractiveShell(ExecChannels channels, SimulatedShell shell, ExecLimits limits)
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan SessionLimit = TimeSpan.FromMinutes(30);

    private const string Prompt = "/ $ ";

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        session.CancelAfter(SessionLimit);
        var line = new StringBuilder();
        var status = 0;
        var escape = 0;
        await channels.WriteAsync(ExecChannels.Stdout, Prompt, session.Token);
        while (true)
        {
            (byte Channel, byte[] Data)? frame;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(session.Token))
            {
                idle.CancelAfter(IdleLimit);
                try
                {
                    frame = await channels.ReadFrameAsync(limits.MaxStdinBytes, idle.Token);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    await channels.WriteAsync(ExecChannels.Stdout, "\r\nsandbox: the session ended (idle or too long)\r\n", cancellation);
                    return status;
                }
            }

            if (frame is not { } f || (f.Channel == ExecChannels.Close && f.Data is [ExecChannels.Stdin, ..]))
            {
                return status;
            }

            if (f.Channel != ExecChannels.Stdin)
            {
                continue;
            }

            var echo = new StringBuilder();
            foreach (var c in Encoding.UTF8.GetString(f.Data))
            {
                if (escape > 0)
                {
                    // Arrow and function keys arrive as ESC [ X: the sandbox shell has no line history to move through.
                    escape = c == '[' || char.IsDigit(c) || c == ';' ? escape : 0;
                    continue;
                }

                switch (c)
                {
                    case '\u001b':
                        escape = 1;
                        break;
                    case '\r' or '\n':
                        echo.Append("\r\n");
                        await channels.WriteAsync(ExecChannels.Stdout, echo.ToString(), session.Token);
                        echo.Clear();
                        var text = line.ToString();
                        line.Clear();
                        if (text.Trim().Length > 0)
                        {
                            var result = shell.Run(["sh", "-c", text], null, session.Token);
                            status = result.ExitCode;
                            await channels.WriteAsync(ExecChannels.Stdout, Crlf(result.Stdout + result.Stderr), session.Token);
                            if (result.Exited)
                            {
                                return status;
                            }
                        }

                        echo.Append(Prompt);
                        break;
                    case '\u007f' or '\b':
                        if (line.Length > 0)
                        {
                            line.Length--;
                            echo.Append("\b \b");
                        }

                        break;
                    case '\u0003':
                        line.Clear();
                        echo.Append("^C\r\n").Append(Prompt);
                        status = 130;
                        break;
                    case '\u0004' when line.Length == 0:
                        await channels.WriteAsync(ExecChannels.Stdout, echo.Append("\r\n").ToString(), session.Token);
                        return status;
                    default:
                        if (!char.IsControl(c) && line.Length < limits.MaxScriptChars)
                        {
                            line.Append(c);
                            echo.Append(c);
                        }

                        break;
                }
            }

            if (echo.Length > 0)
            {
                await channels.WriteAsync(ExecChannels.Stdout, echo.ToString(), session.Token);
            }
        }
    }

    public static string Crlf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
