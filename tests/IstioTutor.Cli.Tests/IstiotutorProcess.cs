using System.Diagnostics;

namespace IstioTutor.Cli.Tests;

/// <summary>
/// Runs the real built <c>istiotutor.dll</c> with <c>dotnet</c> in a child process. The project reference
/// builds it before the tests; it is found next to the test assembly (the reference copies it there).
/// One temp data directory per fixture, deleted afterwards. Also compiled into IstioTutor.Labs.Tests as a linked file.
/// </summary>
public sealed class IstiotutorProcess : IDisposable
{
    public IstiotutorProcess()
    {
        Dll = Path.Combine(AppContext.BaseDirectory, "istiotutor.dll");
        if (!File.Exists(Dll))
        {
            throw new FileNotFoundException("istiotutor.dll was not built next to the tests", Dll);
        }

        DataRoot = Directory.CreateTempSubdirectory("istiotutor-cli-").FullName;
    }

    public string Dll { get; }

    public string DataRoot { get; }

    /// <summary>A fresh data directory under the fixture's root.</summary>
    public string NewDataDirectory() => Directory.CreateDirectory(Path.Combine(DataRoot, Guid.NewGuid().ToString("N")[..8])).FullName;

    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), stdin, args);

    /// <summary>Runs istiotutor with extra environment variables (e.g. ISTIOTUTOR_ settings).</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunWithEnvironmentAsync(
        IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataRoot,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("ISTIOTUTOR_DATA");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataRoot, recursive: true);
        }
        catch (IOException)
        {
            // A child's LiteDB handle may still be closing; the OS cleans temp later.
        }
    }
}
