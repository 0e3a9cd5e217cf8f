using System.Diagnostics;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>
/// The official Adaptive Cards JavaScript renderer (npm <c>adaptivecards</c>) and Teams' light host config
/// (shipped in npm <c>adaptivecards-designer</c>), installed with npm into a test-owned folder under the
/// temp directory on first use. Without node/npm the card tests skip with the reason; in CI (<c>CI=true</c>)
/// they fail instead, so a missing renderer is never a silent pass.
/// </summary>
public sealed class AdaptiveCardsPackage
{
    public const string RendererVersion = "3.0.6";
    public const string DesignerVersion = "2.4.4";

    private AdaptiveCardsPackage(string? folder, string? unavailableReason)
    {
        Folder = folder;
        UnavailableReason = unavailableReason;
    }

    public string? Folder { get; }

    public string? UnavailableReason { get; }

    public string RendererScript => Path.Combine(Folder!, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");

    public string TeamsLightHostConfig => Path.Combine(Folder!, "node_modules", "adaptivecards-designer", "lib", "hostConfigs", "microsoft-teams-light.json");

    public static async Task<AdaptiveCardsPackage> InstallAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"istiotutor-adaptivecards-{RendererVersion}-{DesignerVersion}");
        var package = new AdaptiveCardsPackage(folder, null);
        if (File.Exists(package.RendererScript) && File.Exists(package.TeamsLightHostConfig))
        {
            return package;
        }

        Directory.CreateDirectory(folder);
        // --ignore-scripts: nothing from the registry runs on this machine; --legacy-peer-deps: the designer's
        // peer ranges (monaco) are irrelevant to the two files used here.
        var (exit, output) = await RunAsync("npm", folder,
            "install", "--no-audit", "--no-fund", "--ignore-scripts", "--legacy-peer-deps", "--prefix", folder,
            $"adaptivecards@{RendererVersion}", $"adaptivecards-designer@{DesignerVersion}");
        if (exit != 0 || !File.Exists(package.RendererScript) || !File.Exists(package.TeamsLightHostConfig))
        {
            return Unavailable($"npm install of adaptivecards@{RendererVersion} failed (exit {exit}): {output}");
        }

        return package;
    }

    private static AdaptiveCardsPackage Unavailable(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The Adaptive Cards renderer is required in CI: {reason}");
        }

        return new AdaptiveCardsPackage(null, reason);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, (await stdout + await stderr).Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file} is not installed ({e.Message}; apt-get install nodejs npm, as .ci/run does)");
        }
    }
}
