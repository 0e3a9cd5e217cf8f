using System.Diagnostics;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>Runs the real kubectl against the fixture's sandbox with its kubeconfig (or the one given) and its own cache dir.</summary>
public sealed class KubectlRunner(string kubeconfig, string cacheDir)
{
    public KubectlRunner(SandboxFixture fixture, string? kubeconfig = null)
        : this(kubeconfig ?? fixture.KubeconfigPath, fixture.KubectlCacheDir)
    {
    }

    public static string? Executable { get; } = Find();

    /// <summary>Runs kubectl with <paramref name="arguments"/> split on spaces (no shell quoting: pass JSON without spaces).</summary>
    public Task<KubectlResult> RunAsync(string arguments, string? stdin = null) =>
        RunArgumentsAsync(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdin);

    /// <summary>Runs kubectl with these arguments as given (a jsonpath with spaces, say).</summary>
    public Task<KubectlResult> RunAsync(IReadOnlyList<string> arguments, string? stdin = null) => RunArgumentsAsync(arguments, stdin);

    /// <summary>Runs kubectl with each argument as given (a script after <c>sh -c</c> stays one argument).</summary>
    public async Task<KubectlResult> RunArgumentsAsync(IEnumerable<string> arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDir }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    private static string? Find()
    {
        if (File.Exists("/usr/bin/kubectl"))
        {
            return "/usr/bin/kubectl";
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
    }
}

public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
