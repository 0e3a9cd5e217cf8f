using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>
/// /next: the next lesson in curriculum order at or after the learner's stage, skipping finished ones;
/// it continues after the current lesson when there is one.
/// </summary>
public sealed class NextCommand(KnowledgeBase knowledge, LessonPresenter presenter) : ITurnCommand
{
    public string Name => "next";

    public string Usage => "/next";

    public string Summary(string lang) => lang == "ko" ? "다음 레슨 열기" : "open the next lesson";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var finished = presenter.Finished(context.Learner);
        var candidates = knowledge.Curriculum.InOrder(context.Lang).Where(l => l.Stage >= context.Learner.Stage).ToList();
        var current = candidates.FindIndex(l => l.Id == context.Learner.CurrentLessonId);
        var open = candidates.Where(l => !finished.Contains(l.Id)).ToList();
        var next = candidates.Skip(current + 1).FirstOrDefault(l => !finished.Contains(l.Id) && l.Id != context.Learner.CurrentLessonId)
                   ?? open.FirstOrDefault(l => l.Id != context.Learner.CurrentLessonId)
                   ?? open.FirstOrDefault();
        if (next is null)
        {
            return Task.FromResult(context.Reply(context.T(
                $"You have finished every lesson from the {context.Learner.Stage.ToName()} stage on. Well done! Review any with /lesson ID, or choose another stage with /stage.",
                $"{context.Learner.Stage.ToKorean()} 단계부터의 레슨을 모두 마쳤습니다. 수고하셨습니다! /lesson ID 로 복습하거나 /stage 로 다른 단계를 고르세요.")));
        }

        return Task.FromResult(presenter.Open(context, next));
    }
}
