using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using IstioTutor.Core.Answering;
using IstioTutor.Core.Answering.Evaluation;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor eval</c>: runs tests/eval/questions.yaml through the answer engine and a plain BM25
/// baseline and prints hit rate, stage-match rate and off-topic refusals side by side.
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create()
    {
        var questions = new Option<string?>("--questions") { Description = $"The evaluation set. Default: {EvalSet.DefaultRelativePath} in this or a parent directory." };
        var json = CommonOptions.Json();
        var verbose = new Option<bool>("--verbose") { Description = "List every question the engine missed." };
        var data = CommonOptions.Data();
        var command = new Command("eval", "Score the answer engine against the evaluation set, beside a BM25 baseline.") { questions, json, verbose, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(questions) ?? EvalSet.Locate(Directory.GetCurrentDirectory()) ?? EvalSet.Locate(AppContext.BaseDirectory);
            if (path is null || !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"No evaluation set found ({path ?? EvalSet.DefaultRelativePath}). Run from the repository or pass --questions PATH.");
                return 2;
            }

            IReadOnlyList<EvalQuestion> set;
            try
            {
                set = EvalSet.Parse(await File.ReadAllTextAsync(path, cancellationToken), path);
            }
            catch (InvalidDataException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            if (await CliHost.TryStartAsync(parse.GetValue(data)) is not { } host)
            {
                return 2;
            }

            await using (host)
            {
                var report = await new EvalRunner(host.Get<KnowledgeBase>(), host.Get<IAnswerEngine>()).RunAsync(set, cancellationToken);
                if (parse.GetValue(json))
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(Summary(report), JsonOptions));
                    return 0;
                }

                PrintTable(report);
                if (parse.GetValue(verbose))
                {
                    PrintMisses(report.Engine);
                }

                return 0;
            }
        });
        return command;
    }

    private static object Summary(EvalReport r) => new
    {
        r.Questions,
        r.Skipped,
        Systems = new[] { r.Engine, r.Baseline }.Select(s => new
        {
            s.System,
            s.Answerable,
            s.Hits,
            HitRate = Math.Round(s.HitRate, 4),
            s.StageMatches,
            StageMatchRate = Math.Round(s.StageMatchRate, 4),
            s.OffTopic,
            OffTopicRefused = s.Refused,
            P95Ms = Math.Round(Percentile(s.Outcomes.Select(o => o.Milliseconds), 0.95), 3),
            Misses = s.Outcomes.Where(o => !o.Question.OffTopic ? !o.Hit : o.Grounded).Select(o => o.Question.Id).ToArray(),
        }),
    };

    private static void PrintTable(EvalReport r)
    {
        static string Pct(int n, int d) => d == 0 ? "n/a" : $"{n}/{d} ({100.0 * n / d:0.0}%)";
        var e = r.Engine;
        var b = r.Baseline;
        Console.WriteLine($"questions: {r.Questions} ({e.Answerable} on-topic with their lesson loaded, {e.OffTopic} off-topic, {r.Skipped.Count} skipped: lesson not loaded)");
        Console.WriteLine($"{"",-22}{"engine",-22}{"bm25 baseline",-22}");
        Console.WriteLine($"{"hit rate",-22}{Pct(e.Hits, e.Answerable),-22}{Pct(b.Hits, b.Answerable),-22}");
        Console.WriteLine($"{"stage match",-22}{Pct(e.StageMatches, e.Answerable),-22}{Pct(b.StageMatches, b.Answerable),-22}");
        Console.WriteLine($"{"off-topic refused",-22}{Pct(e.Refused, e.OffTopic),-22}{Pct(b.Refused, b.OffTopic),-22}");
        Console.WriteLine($"{"p95 latency",-22}{Percentile(e.Outcomes.Select(o => o.Milliseconds), 0.95),-22:0.00}{Percentile(b.Outcomes.Select(o => o.Milliseconds), 0.95),-22:0.00}");
        if (r.Skipped.Count > 0)
        {
            Console.WriteLine($"skipped: {string.Join(", ", r.Skipped)}");
        }
    }

    private static void PrintMisses(EvalScore engine)
    {
        foreach (var o in engine.Outcomes.Where(o => o.Question.OffTopic ? o.Grounded : !o.Hit || !o.StageMatch))
        {
            var what = o.Question.OffTopic ? "answered an off-topic question"
                : !o.Hit ? $"miss (grounded={o.Grounded}, cited {o.AnsweredLesson ?? "nothing"}, expected {o.Question.Lesson}; needs {string.Join(", ", o.Question.MustContain)})"
                : $"stage {o.AnsweredStage?.ToName()} instead of {o.Question.Stage?.ToName()}";
            Console.WriteLine($"  {o.Question.Id}: {what} — {o.Question.Question}");
        }
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
