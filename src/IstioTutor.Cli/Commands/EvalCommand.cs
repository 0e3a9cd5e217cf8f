using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using IstioTutor.Core.Answering;
using IstioTutor.Core.Answering.Evaluation;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor eval</c>: runs an evaluation set through the answer engine and a plain BM25 baseline,
/// asked by a beginner and by a learner at each question's own stage, and prints top-1/top-3 lesson
/// accuracy (and section accuracy where the set names sections), answers holding the expected terms,
/// stage match and off-topic refusals, overall and per language and stage.
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
        var set = new Option<string?>("--set") { Description = "A named set: dev (tests/eval/questions.yaml, the default), holdout or blind." };
        set.AcceptOnlyFromAmong([.. EvalSet.Named.Keys]);
        var questions = new Option<string?>("--questions") { Description = "An evaluation set file (instead of --set)." };
        var stage = new Option<string>("--stage")
        {
            Description = "Whom the questions come from: beginner (a new learner), matched (a learner at each question's own stage) or both.",
            DefaultValueFactory = _ => "both",
        };
        stage.AcceptOnlyFromAmong("beginner", "matched", "both");
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var verbose = new Option<bool>("--verbose") { Description = "List every question the engine missed at top-1 (lesson or named section), refused wrongly, or answered without its terms." };
        var data = CommonOptions.Data();
        var command = new Command("eval", "Score the answer engine's routing against an evaluation set, beside a BM25 baseline.") { set, questions, stage, json, verbose, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(set) is not null && parse.GetValue(questions) is not null)
            {
                await Console.Error.WriteLineAsync("Pass either --set or --questions, not both.");
                return 2;
            }

            var relative = EvalSet.Named[parse.GetValue(set) ?? "dev"];
            var path = parse.GetValue(questions) ?? EvalSet.Locate(Directory.GetCurrentDirectory(), relative) ?? EvalSet.Locate(AppContext.BaseDirectory, relative);
            if (path is null || !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"No evaluation set found ({path ?? relative}). Run from the repository or pass --questions PATH.");
                return 2;
            }

            IReadOnlyList<EvalQuestion> loaded;
            try
            {
                loaded = EvalSet.Parse(await File.ReadAllTextAsync(path, cancellationToken), path);
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
                var modes = parse.GetValue(stage) switch
                {
                    "beginner" => new[] { EvalStageMode.Beginner },
                    "matched" => [EvalStageMode.Matched],
                    _ => [EvalStageMode.Beginner, EvalStageMode.Matched],
                };
                var runner = new EvalRunner(host.Get<KnowledgeBase>(), host.Get<IAnswerEngine>());
                var reports = new List<EvalReport>();
                foreach (var mode in modes)
                {
                    reports.Add(await runner.RunAsync(loaded, mode, cancellationToken));
                }

                if (parse.GetValue(json))
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { Set = Path.GetFileName(path), Runs = reports.Select(Summary) }, JsonOptions));
                    return 0;
                }

                Console.WriteLine($"set: {path}");
                foreach (var report in reports)
                {
                    PrintTable(report);
                    if (parse.GetValue(verbose))
                    {
                        PrintMisses(report.Engine);
                    }
                }

                return 0;
            }
        });
        return command;
    }

    private static object Summary(EvalReport r) => new
    {
        Stage = r.Mode == EvalStageMode.Beginner ? "beginner" : "matched",
        r.Questions,
        r.Skipped,
        r.UnknownSections,
        Systems = new[] { r.Engine, r.Baseline }.Select(s => new
        {
            s.System,
            Figures = Figures(s),
            ByLang = s.ByLang.ToDictionary(kv => kv.Key, kv => Figures(kv.Value)),
            ByStage = s.ByStage.ToDictionary(kv => kv.Key.ToName(), kv => Figures(kv.Value)),
            P95Ms = Math.Round(s.P95Milliseconds, 3),
            Top1Misses = s.Outcomes.Where(o => !o.Question.OffTopic && !o.Top1).Select(o => o.Question.Id).ToArray(),
            OffTopicAnswered = s.Outcomes.Where(o => o.Question.OffTopic && o.Grounded).Select(o => o.Question.Id).ToArray(),
        }),
    };

    private static object Figures(EvalScore s) => new
    {
        s.Answerable,
        s.Top1,
        Top1Rate = Math.Round(s.Top1Rate, 4),
        s.Top3,
        Top3Rate = Math.Round(s.Top3Rate, 4),
        s.SectionQuestions,
        s.SectionTop1,
        s.SectionTop3,
        s.Hits,
        HitRate = Math.Round(s.HitRate, 4),
        s.StageMatches,
        s.OffTopic,
        OffTopicRefused = s.Refused,
    };

    private static string Pct(int n, int d) => d == 0 ? "n/a" : $"{n}/{d} ({100.0 * n / d:0.0}%)";

    private static void PrintTable(EvalReport r)
    {
        var e = r.Engine;
        var b = r.Baseline;
        Console.WriteLine();
        Console.WriteLine(r.Mode == EvalStageMode.Beginner
            ? "asked by a beginner (off-topic questions too):"
            : "asked at each question's own stage (off-topic questions by a beginner):");
        Console.WriteLine($"questions: {r.Questions} ({e.Answerable} on-topic with their lesson loaded, {e.OffTopic} off-topic, {r.Skipped.Count} skipped: lesson not loaded)");
        Console.WriteLine($"{"",-22}{"engine",-22}{"bm25 baseline",-22}");
        Console.WriteLine($"{"lesson top-1",-22}{Pct(e.Top1, e.Answerable),-22}{Pct(b.Top1, b.Answerable),-22}");
        Console.WriteLine($"{"lesson top-3",-22}{Pct(e.Top3, e.Answerable),-22}{Pct(b.Top3, b.Answerable),-22}");
        if (e.SectionQuestions > 0)
        {
            Console.WriteLine($"{"section top-1",-22}{Pct(e.SectionTop1, e.SectionQuestions),-22}{Pct(b.SectionTop1, b.SectionQuestions),-22}");
            Console.WriteLine($"{"section top-3",-22}{Pct(e.SectionTop3, e.SectionQuestions),-22}{Pct(b.SectionTop3, b.SectionQuestions),-22}");
        }

        Console.WriteLine($"{"holds expected terms",-22}{Pct(e.Hits, e.Answerable),-22}{Pct(b.Hits, b.Answerable),-22}");
        Console.WriteLine($"{"first cite own stage",-22}{Pct(e.StageMatches, e.Answerable),-22}{Pct(b.StageMatches, b.Answerable),-22}");
        Console.WriteLine($"{"off-topic refused",-22}{Pct(e.Refused, e.OffTopic),-22}{Pct(b.Refused, b.OffTopic),-22}");
        Console.WriteLine($"{"p95 latency (ms)",-22}{e.P95Milliseconds,-22:0.00}{b.P95Milliseconds,-22:0.00}");
        foreach (var (lang, s) in e.ByLang)
        {
            Slice(lang, s, b.ByLang.GetValueOrDefault(lang));
        }

        foreach (var (stage, s) in e.ByStage)
        {
            Slice(stage.ToName(), s, b.ByStage.GetValueOrDefault(stage));
        }

        if (r.Skipped.Count > 0)
        {
            Console.WriteLine($"skipped: {string.Join(", ", r.Skipped)}");
        }

        if (r.UnknownSections.Count > 0)
        {
            Console.WriteLine($"section not found in its lesson (scored on the lesson only): {string.Join(", ", r.UnknownSections)}");
        }
    }

    private static void Slice(string name, EvalScore engine, EvalScore? baseline) =>
        Console.WriteLine($"  {name,-14} top-1 {Pct(engine.Top1, engine.Answerable),-18} top-3 {Pct(engine.Top3, engine.Answerable),-18}"
            + (baseline is null ? "" : $" baseline top-1 {Pct(baseline.Top1, baseline.Answerable)}"));

    private static bool WrongSection(EvalOutcome o) => o.Top1 && o.Question.Section is not null && !o.SectionTop1;

    private static void PrintMisses(EvalScore engine)
    {
        foreach (var o in engine.Outcomes.Where(o => o.Question.OffTopic ? o.Grounded : !o.Top1 || !o.Hit || WrongSection(o)))
        {
            var what = o.Question.OffTopic ? "answered an off-topic question"
                : !o.Grounded ? $"refused (expected {o.Question.Lesson})"
                : !o.Top1 ? $"cited {o.First?.LessonId ?? "nothing"} first, expected {o.Question.Lesson}{(o.Top3 ? " (in top-3)" : "")}"
                : WrongSection(o) ? $"right lesson, section \"{o.First?.Heading}\" first, expected \"{o.Question.Section}\"{(o.SectionTop3 ? " (in top-3)" : "")}{(o.Hit ? "" : $"; lacks {string.Join(", ", o.Question.MustContain)}")}"
                : $"right lesson, but the answer lacks {string.Join(", ", o.Question.MustContain)}";
            Console.WriteLine($"  {o.Question.Id}: {what} — {o.Question.Question}");
        }
    }
}
