using System.Diagnostics;

namespace IstioTutor.Labs.Tests.Cli;

/// <summary>
/// Runs the real built <c>istiotutor.dll</c> with <c>dotnet</c> in a child process (the project reference
/// copies it beside the tests), in a temporary data directory deleted afterwards.
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

        DataDirectory = Directory.CreateTempSubdirectory("istiotutor-labs-cli-").FullName;
    }

    public string Dll { get; }

    public string DataDirectory { get; }

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(DataDirectory);
        start.Environment.Remove("ISTIOTUTOR_DATA");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A child's LiteDB handle may still be closing; the OS cleans temp later.
        }
    }
}
