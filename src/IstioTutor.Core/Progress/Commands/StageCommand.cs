using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Commands;

/// <summary>/stage shows the learner's stage; /stage NAME chooses one.</summary>
public sealed class StageCommand(ILearnerStore learners, IProgressLog progress, TimeProvider clock) : ITurnCommand
{
    public string Name => "stage";

    public string Usage => "/stage [beginner|intermediate|advanced]";

    public string Summary(string lang) => lang == "ko" ? "현재 단계 보기 또는 단계 선택" : "show or choose your stage";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var current = context.Learner.Stage;
        if (arguments.Length == 0)
        {
            return Task.FromResult(context.Reply(context.T(
                $"Your stage is {current.ToName()}. Change it with /stage beginner|intermediate|advanced.",
                $"현재 단계는 {current.ToKorean()}({current.ToName()})입니다. /stage beginner|intermediate|advanced 로 바꿀 수 있습니다.")));
        }

        if (!StageNames.TryParse(arguments, out var chosen))
        {
            return Task.FromResult(context.Reply(context.T(
                $"'{arguments}' is not a stage. Use beginner, intermediate or advanced.",
                $"'{arguments}'은(는) 단계 이름이 아닙니다. beginner(초급), intermediate(중급), advanced(고급) 중 하나를 쓰세요.")));
        }

        context.Learner = context.Learner with { Stage = chosen };
        learners.Save(context.Learner);
        progress.Record(new ProgressEvent(
            context.Learner.Id, ProgressEventKind.StageChanged, chosen.ToName(), context.Request.Door, clock.GetUtcNow(),
            Detail: $"chosen by the learner (was {current.ToName()})"));
        return Task.FromResult(context.Reply(context.T(
            $"Stage set to {chosen.ToName()}. Answers now prefer {chosen.ToName()} material and the stages before it.",
            $"단계를 {chosen.ToKorean()}(으)로 바꿨습니다. 이제 {chosen.ToKorean()} 및 그 이전 단계 자료를 우선해 답합니다.")));
    }
}
