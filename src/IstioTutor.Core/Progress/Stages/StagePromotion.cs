using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Stages;

/// <summary>
/// After a turn that recorded progress (a quiz completed, a lab checked, a lesson finished), moves the
/// learner up a stage when <see cref="StageRule"/> says so, records it, and announces it in that reply.
/// Turns without progress never promote, so a learner who chose an earlier stage to review stays there.
/// </summary>
public sealed class StagePromotion(
    ILearnerStore learners,
    IProgressSummaries summaries,
    IProgressLog progress,
    StageRule rule,
    TimeProvider clock) : ITurnFollowUp
{
    public Task<TurnResult> AfterTurnAsync(TurnRequest request, TurnResult result, DateTimeOffset turnStarted, CancellationToken cancellationToken)
    {
        var learner = learners.ResolveFor(request);
        var summary = summaries.Get(learner.Id);
        if (summary?.LastProgressAt is not { } at || at < turnStarted)
        {
            return Task.FromResult(result);
        }

        var verdict = rule.Evaluate(learner.Stage, summary);
        if (!verdict.Ready || verdict.Next is not { } next)
        {
            return Task.FromResult(result);
        }

        learners.Save(learner with { Stage = next });
        progress.Record(new ProgressEvent(
            learner.Id, ProgressEventKind.StageChanged, next.ToName(), request.Door, clock.GetUtcNow(),
            Score: verdict.QuizAverage,
            Detail: $"promoted from {learner.Stage.ToName()}: core labs passed ({string.Join(", ", rule.CoreLabs(learner.Stage))}), {verdict.QuizzesDone} quizzes averaging {Commands.ReportText.Percent(verdict.QuizAverage ?? 0)}"));
        var announcement = result.Lang == "ko"
            ? $"🎉 {learner.Stage.ToKorean()} 단계를 마쳤습니다! 이제 {next.ToKorean()}({next.ToName()}) 단계입니다. 퀴즈 평균 {Commands.ReportText.Percent(verdict.QuizAverage ?? 0)}."
            : $"🎉 You have completed the {learner.Stage.ToName()} stage and moved up to {next.ToName()} (quiz average {Commands.ReportText.Percent(verdict.QuizAverage ?? 0)}).";
        return Task.FromResult(result with { Text = $"{result.Text}\n\n{announcement}", Stage = next });
    }
}
