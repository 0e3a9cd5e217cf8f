using System.Diagnostics;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Storage;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using Microsoft.Extensions.Options;

namespace IstioTutor.Cli.Tests.Progress;

/// <summary>A data directory with a cohort of two learners and an outsider, written through the real stores.</summary>
public sealed class ProgressCliFixture : IDisposable
{
    public ProgressCliFixture()
    {
        using var db = new TutorDatabase(new DataDirectory(DataPath));
        var learners = new LiteDbLearnerStore(db, Options.Create(new TutorOptions()), TimeProvider.System);
        var log = new LiteDbProgressLog(db, LessonStages.BuiltIn(), Options.Create(new ProgressOptions()));
        var cohorts = new LiteDbCohortStore(db, TimeProvider.System);
        cohorts.Create("team", "mentor");
        foreach (var name in new[] { "amy", "ben" })
        {
            cohorts.AddMember("team", learners.Resolve(Door.Terminal, name, name).Id);
        }

        learners.Resolve(Door.Terminal, "outsider", null);
        log.Record(new ProgressEvent("amy", ProgressEventKind.QuizCompleted, "architecture", Door.Terminal, DateTimeOffset.UtcNow, Score: 0.75));
        log.Record(new ProgressEvent("amy", ProgressEventKind.LabChecked, "mtls-strict", Door.Terminal, DateTimeOffset.UtcNow, Passed: true));
    }

    public string DataPath { get; } = Directory.CreateTempSubdirectory("istiotutor-cli-progress-").FullName;

    /// <summary>Runs the real istiotutor binary; returns exit code, standard output and standard error.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "istiotutor.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, .. args, "--data", DataPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(DataPath, recursive: true);
}
