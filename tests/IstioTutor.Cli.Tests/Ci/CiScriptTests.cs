using System.Diagnostics;

namespace IstioTutor.Cli.Tests.Ci;

/// <summary>
/// The CI scripts are honest: the closing line counts skipped tests, and a tool the suite drives that cannot be
/// installed fails CI by name instead of letting its tests disappear.
/// </summary>
public sealed class CiScriptTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("istiotutor-ci-").FullName;

    [Fact]
    public async Task Closing_line_sums_passed_failed_and_skipped_over_every_test_project()
    {
        var log = Path.Combine(_temp, "test.log");
        await File.WriteAllTextAsync(log, """
            Passed!  - Failed:     0, Passed:    38, Skipped:     2, Total:    40, Duration: 58 s - IstioTutor.Core.Tests.dll (net10.0)
            some other output
            Failed!  - Failed:     1, Passed:     4, Skipped:     3, Total:     8, Duration: 17 s - IstioTutor.Bot.Tests.dll (net10.0)
            """);

        var (exit, stdout, _) = await RunAsync(["summarize", log], Environment.GetEnvironmentVariable("PATH")!);

        Assert.Equal(0, exit);
        Assert.Equal("tests: 42 passed, 1 failed, 5 skipped", stdout.Trim());
    }

    [Fact]
    public async Task A_needed_tool_that_cannot_be_installed_fails_ci_naming_it()
    {
        // PATH holds only an apt-get that always fails, so none of kubectl, chromium, node and npm can be found or installed.
        var bin = Directory.CreateDirectory(Path.Combine(_temp, "bin")).FullName;
        var aptGet = Path.Combine(bin, "apt-get");
        await WriteScriptAsync(aptGet, "#!/bin/sh\nexit 100\n");

        var (exit, _, stderr) = await RunAsync(["require-tools"], bin);

        Assert.NotEqual(0, exit);
        Assert.Contains("not installed: kubectl (apt package kubernetes-client) chromium (apt package chromium) node (apt package nodejs) npm (apt package npm)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tools_already_on_path_pass_without_installing_anything()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_temp, "tools")).FullName;
        foreach (var tool in new[] { "kubectl", "chromium", "node", "npm" })
        {
            var path = Path.Combine(bin, tool);
            await WriteScriptAsync(path, "#!/bin/sh\nexit 0\n");
        }

        var (exit, stdout, stderr) = await RunAsync(["require-tools"], bin);

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("installing", stdout, StringComparison.Ordinal);
    }

    /// <summary>An executable stand-in for a tool (the CI scripts are bash; these tests run where bash does).</summary>
    private static async Task WriteScriptAsync(string path, string text)
    {
        await File.WriteAllTextAsync(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] script, string path)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), ".ci", script[0]));
        foreach (var argument in script.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = path;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IstioTutor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("IstioTutor.sln above the test output");
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
