using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>/lesson ID: shows a lesson and makes it the learner's current lesson.</summary>
public sealed class LessonCommand(KnowledgeBase knowledge, LessonPresenter presenter) : ITurnCommand
{
    public string Name => "lesson";

    public string Usage => "/lesson ID [PAGE]";

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

        // "/lesson ID 3" is page 3 of the lesson (the card's previous/next buttons send exactly this).
        var parts = id.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? page = null;
        if (parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            id = parts[0];
            page = number;
        }

        if (knowledge.Curriculum.Find(id, context.Lang) is not { } lesson)
        {
            return Task.FromResult(presenter.UnknownLesson(context, id));
        }

        if (page is { } p && (p < 1 || p > LessonPresenter.PageCount(lesson)))
        {
            return Task.FromResult(context.Reply(context.T(
                $"Lesson {lesson.Id} has pages 1 to {LessonPresenter.PageCount(lesson)}; there is no page {p}.",
                $"{lesson.Id} 레슨의 페이지는 1부터 {LessonPresenter.PageCount(lesson)}까지입니다. {p} 페이지는 없습니다.")));
        }

        return Task.FromResult(page is { } n ? presenter.OpenPage(context, lesson, n) : presenter.Open(context, lesson));
    }
}
