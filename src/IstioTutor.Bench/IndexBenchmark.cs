using System.Diagnostics;
using IstioTutor.Core.Knowledge;

namespace IstioTutor.Bench;

/// <summary>Start-up cost of the knowledge base: parse every built-in lesson and build the Lucene index.</summary>
public sealed class IndexBenchmark : IBenchmark
{
    private const int Runs = 10;

    public string Name => "index";

    public string Description => $"parse all built-in lessons and build the index, {Runs} runs after one warm-up (target ≤ 1.5 s)";

    public Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var files = LessonSource.Embedded();
        var cold = Stopwatch.StartNew();
        using (var first = KnowledgeBase.Build(files))
        {
            cold.Stop();
        }

        var times = new List<double>();
        int sections = 0;
        for (var i = 0; i < Runs; i++)
        {
            var sw = Stopwatch.StartNew();
            using var kb = KnowledgeBase.Build(files);
            times.Add(sw.Elapsed.TotalMilliseconds);
            sections = kb.Statistics.Sections;
        }

        times.Sort();
        IReadOnlyList<BenchFigure> figures =
        [
            new("lesson files", files.Count, ""),
            new("sections", sections, ""),
            new("first build (cold, JIT included)", cold.Elapsed.TotalMilliseconds, "ms", "≤ 1500 ms"),
            new("build median", times[times.Count / 2], "ms", "≤ 1500 ms"),
            new("build max", times[^1], "ms", "≤ 1500 ms"),
        ];
        return Task.FromResult(figures);
    }
}
