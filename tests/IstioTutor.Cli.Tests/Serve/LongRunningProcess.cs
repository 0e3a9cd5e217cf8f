using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IstioTutor.Cli.Tests.Serve;

/// <summary>
/// A command that keeps running (serve, sandbox serve) started as a child process; disposing kills it and its
/// children (dotnet run starts the app as a grandchild) and waits for them to exit.
/// </summary>
internal sealed class LongRunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private LongRunningProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Errors { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static LongRunningProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("ISTIOTUTOR_DATA");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new LongRunningProcess(Process.Start(start)!);
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls GET url until it answers (any status) or the process exits or the time is up.</summary>
    public async Task<HttpResponseMessage> WaitForAsync(HttpClient http, string url, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the process exited with {_process.ExitCode} before {url} answered.\nstdout:\n{Output}\nstderr:\n{Errors}");
            }

            try
            {
                return await http.GetAsync(url);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"{url} did not answer within {within}.\nstdout:\n{Output}\nstderr:\n{Errors}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
    }
}
