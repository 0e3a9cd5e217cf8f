using System.Diagnostics;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// Runs the evaluation set through an answer engine and through the BM25 baseline. Each on-topic
/// question is asked by a learner at the question's expected stage; off-topic ones by a beginner.
/// </summary>
public sealed class EvalRunner(KnowledgeBase knowledge, IAnswerEngine engine)
{
    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        // A question counts only when its lesson exists in the question's language: a Korean question
        // about a lesson written only in English measures the curriculum's gaps, not the engine.
        var usable = questions.Where(q => q.OffTopic || knowledge.Curriculum.FindExact(q.Lesson!, q.Lang) is not null).ToArray();
        var skipped = questions.Except(usable).Select(q => q.Id).ToArray();

        var engineOutcomes = new List<EvalOutcome>();
        var baselineOutcomes = new List<EvalOutcome>();
        using var baseline = new Bm25Baseline(knowledge.Curriculum.Sections);
        foreach (var q in usable)
        {
            var stage = q.Stage ?? Stage.Beginner;
            var learner = new Learner { Id = "eval", Lang = q.Lang, Stage = stage };
            var clock = Stopwatch.StartNew();
            var answer = await engine.AnswerAsync(new AnswerRequest(q.Question, q.Lang, stage, learner, "eval", Door.Terminal), cancellationToken);
            var ms = clock.Elapsed.TotalMilliseconds;
            var cited = answer.Citations.Count > 0 ? answer.Citations[0] : null;
            engineOutcomes.Add(new EvalOutcome(q, answer.Grounded,
                !q.OffTopic && answer.Grounded && q.IsAnsweredBy(answer.Text),
                !q.OffTopic && cited is not null && cited.Stage == q.Stage,
                cited?.Stage, cited?.LessonId, ms));

            clock.Restart();
            var top = baseline.Top(q.Question, q.Lang);
            ms = clock.Elapsed.TotalMilliseconds;
            var baseText = top is null ? "" : top.Markdown;
            baselineOutcomes.Add(new EvalOutcome(q, top is not null,
                !q.OffTopic && top is not null && q.IsAnsweredBy(baseText),
                !q.OffTopic && top is not null && top.Stage == q.Stage,
                top?.Stage, top?.LessonId, ms));
        }

        return new EvalReport(questions.Count, skipped, Score("engine", engineOutcomes), Score("bm25-baseline", baselineOutcomes));
    }

    private static EvalScore Score(string system, List<EvalOutcome> outcomes)
    {
        var onTopic = outcomes.Where(o => !o.Question.OffTopic).ToArray();
        var offTopic = outcomes.Where(o => o.Question.OffTopic).ToArray();
        return new EvalScore(system, onTopic.Length, onTopic.Count(o => o.Hit), onTopic.Count(o => o.StageMatch),
            offTopic.Length, offTopic.Count(o => !o.Grounded), outcomes);
    }
}
