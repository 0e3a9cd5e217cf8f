using System.Diagnostics;
using System.Text;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>A kubectl left running (get -w, wait): its output is collected until the test stops it or it exits.</summary>
public sealed class KubectlBackground : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Lock gate = new();

    public KubectlBackground(SandboxFixture fixture, string arguments)
    {
        var start = new ProcessStartInfo(KubectlRunner.Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--kubeconfig", fixture.KubeconfigPath, "--cache-dir", fixture.KubectlCacheDir }.Concat(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (gate)
            {
                return stdout.ToString();
            }
        }
    }

    /// <summary>Waits until stdout holds <paramref name="text"/> (true) or the time is up (false).</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (Stdout.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return Stdout.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>Waits for kubectl to exit by itself; returns its exit code and output, or null when it is still running.</summary>
    public async Task<KubectlResult?> ExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        process.WaitForExit();
        lock (gate)
        {
            return new KubectlResult(process.ExitCode, stdout.ToString(), stderr.ToString());
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            target.AppendLine(line);
        }
    }
}
