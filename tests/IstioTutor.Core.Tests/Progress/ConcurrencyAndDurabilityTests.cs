using System.Diagnostics;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Progress;

public sealed class ConcurrencyAndDurabilityTests : IDisposable
{
    private readonly ProgressHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Fifty_learners_writing_in_parallel_lose_no_update()
    {
        const int learners = 50, eventsEach = 10;
        await Task.WhenAll(Enumerable.Range(0, learners).Select(i => Task.Run(() =>
        {
            var learner = _host.Learners.Resolve(Door.Web, $"parallel-{i}", null);
            for (var e = 0; e < eventsEach; e++)
            {
                _host.Log.Record(_host.Event(learner.Id, ProgressEventKind.LessonFinished, $"lesson-{e}"));
                _host.Learners.Save(_host.Learners.Find(learner.Id)! with { CurrentLessonId = $"lesson-{e}" });
            }
        })));

        for (var i = 0; i < learners; i++)
        {
            var id = _host.Learners.Resolve(Door.Web, $"parallel-{i}", null).Id;
            Assert.Equal(eventsEach, _host.Log.ForLearner(id).Count);
            Assert.Equal(eventsEach, _host.Summaries.Get(id)!.LessonsFinished.Count);
            Assert.Equal($"lesson-{eventsEach - 1}", _host.Learners.Find(id)!.CurrentLessonId);
        }
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_SIGKILL_mid_burst_and_the_file_opens()
    {
        var dataDir = Path.Combine(_host.DataPath, "burst");
        var writer = Path.Combine(AppContext.BaseDirectory, "IstioTutor.Progress.BurstWriter.dll");
        using var child = Process.Start(new ProcessStartInfo("dotnet", [writer, dataDir, "burster"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;

        var acked = new List<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (acked.Count < 150 && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ack ", StringComparison.Ordinal))
            {
                acked.Add(int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        child.Kill(); // SIGKILL on Unix: no finalizers, no LiteDB dispose.
        await child.WaitForExitAsync(timeout.Token);
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } late)
        {
            if (late.StartsWith("ack ", StringComparison.Ordinal))
            {
                acked.Add(int.Parse(late[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.True(acked.Count >= 150, $"the child acknowledged only {acked.Count} writes");
        using var reopened = new ProgressHost(dataDirectory: dataDir);
        var stored = reopened.Log.ForLearner("burster", limit: 1_000_000).Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        Assert.All(acked, i => Assert.Contains($"burst-{i}", stored));
        Assert.True(reopened.Summaries.Get("burster")!.LessonsOpened.Count >= acked.Count);
    }
}
