using System.Diagnostics;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Progress.Storage;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bench;

/// <summary>
/// A cohort report over 10,000 learners with 50 events each, on a real LiteDB file opened the way the
/// tutor opens it (shared mode). Also measures one acknowledged progress write, the per-turn cost.
/// </summary>
public sealed class ReportBenchmark : IBenchmark
{
    private const int Learners = 10_000;
    private const int EventsPerLearner = 50;

    public string Name => "report";

    public string Description => $"cohort report over {Learners:N0} learners x {EventsPerLearner} events (target <= 200 ms)";

    public Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("istiotutor-bench-report-");
        try
        {
            return Task.FromResult(Run(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<BenchFigure> Run(string path)
    {
        var clock = TimeProvider.System;
        var progressOptions = Options.Create(new ProgressOptions());
        using var db = new TutorDatabase(new DataDirectory(path));
        var stages = LessonStages.BuiltIn();
        var learners = new LiteDbLearnerStore(db, Options.Create(new TutorOptions()), clock);
        var log = new LiteDbProgressLog(db, stages, progressOptions);
        var cohorts = new LiteDbCohortStore(db, clock);
        var reporter = new ProgressReporter(new LiteDbProgressSummaries(db), cohorts, progressOptions, clock);

        var seed = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var random = new Random(42);
        const int batch = 500;
        for (var start = 0; start < Learners; start += batch)
        {
            var ids = Enumerable.Range(start, batch).Select(i => $"learner-{i:D5}").ToArray();
            learners.SaveMany(ids.Select(id => new Learner { Id = id, DisplayName = id, CreatedAt = now, LastActiveAt = now.AddDays(-random.Next(0, 20)) }));
            log.RecordMany(ids.SelectMany(id => Events(id, now, random)));
        }

        cohorts.Create("bench", "mentor");
        cohorts.AddMembers("bench", Enumerable.Range(0, Learners).Select(i => $"learner-{i:D5}"));
        var seedSeconds = seed.Elapsed.TotalSeconds;

        var timings = new List<double>();
        var cpu = new List<double>();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        CohortReport? report = null;
        for (var run = 0; run < 6; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            report = reporter.ForCohort("bench");
            sw.Stop();
            process.Refresh();
            if (run > 0)
            {
                timings.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        if (report is null || report.Learners.Count != Learners)
        {
            throw new InvalidOperationException($"The report saw {report?.Learners.Count} learners, expected {Learners}.");
        }

        var writes = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var sw = Stopwatch.StartNew();
            log.Record(new ProgressEvent("learner-00001", ProgressEventKind.QuestionAsked, $"question {i}", Door.Terminal, clock.GetUtcNow(), Passed: true));
            writes.Add(sw.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        cpu.Sort();
        writes.Sort();
        return
        [
            new BenchFigure("cohort report, median of 5", timings[timings.Count / 2], "ms", "<= 200 ms"),
            new BenchFigure("cohort report, slowest of 5", timings[^1], "ms"),
            new BenchFigure("cohort report, CPU time (median; wall time includes waiting on a loaded machine)", cpu[cpu.Count / 2], "ms"),
            new BenchFigure("one progress write (Record), median", writes[writes.Count / 2], "ms"),
            new BenchFigure("one progress write (Record), p95", writes[(int)(writes.Count * 0.95)], "ms"),
            new BenchFigure("seeding 500,000 events", seedSeconds, "s"),
            new BenchFigure("database file", new FileInfo(db.FilePath).Length / 1024.0 / 1024.0, "MiB"),
        ];
    }

    private static IEnumerable<ProgressEvent> Events(string id, DateTimeOffset now, Random random)
    {
        string[] lessons = ["service-mesh-intro", "architecture", "envoy-sidecar-injection", "bookinfo-sample", "virtualservice-basics", "traffic-shifting"];
        for (var i = 0; i < EventsPerLearner; i++)
        {
            var at = now.AddDays(-random.Next(0, 30)).AddMinutes(i);
            var lesson = lessons[random.Next(lessons.Length)];
            yield return (i % 5) switch
            {
                0 => new ProgressEvent(id, ProgressEventKind.LessonOpened, lesson, Door.Web, at),
                1 => new ProgressEvent(id, ProgressEventKind.LessonFinished, lesson, Door.Web, at),
                2 => new ProgressEvent(id, ProgressEventKind.QuizCompleted, lesson, Door.Teams, at, Score: random.Next(0, 11) / 10.0),
                3 => new ProgressEvent(id, ProgressEventKind.LabChecked, $"lab-{random.Next(8)}", Door.Terminal, at, Passed: random.Next(3) > 0, Detail: "route missing"),
                _ => new ProgressEvent(id, ProgressEventKind.QuestionAsked, "how do weights work?", Door.Slack, at, Passed: random.Next(4) > 0),
            };
        }
    }
}
