using System.Diagnostics;
using System.Text;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>A kubectl left running (get -w, wait): its output is collected until the test stops it or it exits.</summary>
public sealed class KubectlBackground : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

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
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
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
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        _process.WaitForExit();
        lock (_gate)
        {
            return new KubectlResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }
}
