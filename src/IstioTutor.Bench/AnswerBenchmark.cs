using System.Diagnostics;
using IstioTutor.Core.Answering;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bench;

/// <summary>
/// In-process latency of the offline engine (retrieval + composition). The questions are the
/// curriculum's own quiz questions in both languages plus off-topic ones, each asked at every stage.
/// </summary>
public sealed class AnswerBenchmark : IBenchmark
{
    private static readonly string[] OffTopic =
    [
        "What's the weather in Seoul tomorrow?", "How do I reverse a linked list in Python?", "Who won the football world cup?",
        "김치찌개 끓이는 법 알려줘", "내일 날씨 어때요?",
    ];

    public string Name => "answer";

    public string Description => "offline answer latency in process, quiz questions and off-topic questions at every stage (target p95 ≤ 20 ms)";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        using var kb = KnowledgeBase.Build(LessonSource.Embedded());
        var engine = new OfflineAnswerEngine(kb, new KnowledgeRetriever(kb, Options.Create(new KnowledgeOptions())), new AnswerComposer());
        var questions = kb.Curriculum.Lessons.SelectMany(l => l.Quiz.Select(q => (q.Question, l.Lang)))
            .Concat(OffTopic.Select(q => (q, LanguageDetector.Detect(q))))
            .ToArray();

        // Warm up both languages' paths (the analyzers differ), as a running tutor would be after its first questions.
        foreach (var (q, lang) in questions.Where(q => q.Item2 == "en").Take(10).Concat(questions.Where(q => q.Item2 == "ko").Take(10)))
        {
            await Ask(engine, q, lang, Stage.Beginner, cancellationToken);
        }

        var times = new List<double>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            foreach (var (q, lang) in questions)
            {
                var sw = Stopwatch.StartNew();
                await Ask(engine, q, lang, stage, cancellationToken);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return
        [
            new("questions answered", times.Count, ""),
            new("p50", P(0.50), "ms"),
            new("p95", P(0.95), "ms", "≤ 20 ms"),
            new("max", times[^1], "ms"),
        ];
    }

    private static Task<Answer> Ask(OfflineAnswerEngine engine, string question, string lang, Stage stage, CancellationToken ct) =>
        engine.AnswerAsync(new AnswerRequest(question, lang, stage, new Learner { Id = "bench", Stage = stage }, "bench", Door.Terminal), ct);
}
