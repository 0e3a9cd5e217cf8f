using System.Diagnostics;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// Runs an evaluation set through an answer engine and through the BM25 baseline. On-topic questions are
/// asked by a beginner or by a learner at the question's own stage (<see cref="EvalStageMode"/>);
/// off-topic ones always by a beginner. Each question is its own conversation, so no answer is read as a
/// follow-up to the one before.
/// </summary>
public sealed class EvalRunner(KnowledgeBase knowledge, IAnswerEngine engine)
{
    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalQuestion> questions, EvalStageMode mode, CancellationToken cancellationToken)
    {
        // A question counts only when its lesson exists in the question's language: a Korean question
        // about a lesson written only in English measures the curriculum's gaps, not the engine.
        var usable = questions.Where(q => q.OffTopic || knowledge.Curriculum.FindExact(q.Lesson!, q.Lang) is not null).ToArray();
        var skipped = questions.Except(usable).Select(q => q.Id).ToArray();
        // A section name that matches no section of the lesson is reported and left out of the section
        // figures (the question still counts for its lesson) rather than scored as a miss.
        var unknownSections = new List<string>();
        usable = usable.Select(q =>
        {
            if (q.Section is null || knowledge.Curriculum.FindExact(q.Lesson!, q.Lang)!.Sections
                    .Any(s => q.IsSection(new RankedSection(s.LessonId, s.Heading, s.Stage))))
            {
                return q;
            }

            unknownSections.Add(q.Id);
            return q with { Section = null };
        }).ToArray();

        var engineOutcomes = new List<EvalOutcome>();
        var baselineOutcomes = new List<EvalOutcome>();
        using var baseline = new Bm25Baseline(knowledge.Curriculum.Sections);
        foreach (var q in usable)
        {
            var stage = mode == EvalStageMode.Matched && q.Stage is { } own ? own : Stage.Beginner;
            var learner = new Learner { Id = "eval", Lang = q.Lang, Stage = stage };
            var clock = Stopwatch.StartNew();
            var answer = await engine.AnswerAsync(new AnswerRequest(q.Question, q.Lang, stage, learner, "eval-" + q.Id, Door.Terminal), cancellationToken);
            var ms = clock.Elapsed.TotalMilliseconds;
            var cited = answer.Grounded
                ? answer.Citations.Select(c => new RankedSection(c.LessonId, c.Section, c.Stage)).ToArray()
                : [];
            engineOutcomes.Add(new EvalOutcome(q, stage, answer.Grounded, !q.OffTopic && answer.Grounded && q.IsAnsweredBy(answer.Text), cited, ms));

            clock.Restart();
            var top = baseline.Top(q.Question, q.Lang, EvalOutcome.TopK);
            ms = clock.Elapsed.TotalMilliseconds;
            baselineOutcomes.Add(new EvalOutcome(q, stage, top.Count > 0, !q.OffTopic && top.Count > 0 && q.IsAnsweredBy(top[0].Markdown),
                top.Select(s => new RankedSection(s.LessonId, s.Heading, s.Stage)).ToArray(), ms));
        }

        return new EvalReport(mode, questions.Count, skipped, unknownSections, new EvalScore("engine", engineOutcomes), new EvalScore("bm25-baseline", baselineOutcomes));
    }
}
