using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>/lesson ID: shows a lesson and makes it the learner's current lesson.</summary>
public sealed class LessonCommand(KnowledgeBase knowledge, LessonPresenter presenter) : ITurnCommand
{
    public string Name => "lesson";

    public string Usage => "/lesson ID";

    public string Summary(string lang) => lang == "ko" ? "레슨 열기" : "open a lesson";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Trim();
        if (id.Length == 0)
        {
            return Task.FromResult(context.Reply(context.T(
                "Which lesson? Write /lesson ID, for example /lesson traffic-shifting. /lessons lists the ids.",
                "어떤 레슨인가요? /lesson ID 처럼 쓰세요(예: /lesson traffic-shifting). /lessons 로 ID 목록을 볼 수 있습니다.")));
        }

        return Task.FromResult(knowledge.Curriculum.Find(id, context.Lang) is { } lesson
            ? presenter.Open(context, lesson)
            : presenter.UnknownLesson(context, id));
    }
}
