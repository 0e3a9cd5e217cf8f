using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>
/// /quiz [ID]: starts the quiz of the current lesson (or of ID). The quiz state lives with the learner
/// in LiteDB, so a quiz started in one CLI invocation is answered in the next.
/// </summary>
public sealed class QuizCommand(KnowledgeBase knowledge, ILearnerStore learners, LessonPresenter presenter) : ITurnCommand
{
    public string Name => "quiz";

    public string Usage => "/quiz [ID]";

    public string Summary(string lang) => lang == "ko" ? "현재 레슨의 퀴즈 시작" : "start the current lesson's quiz";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Trim();
        var learner = context.Learner;
        if (id.Length == 0 && learner.Quiz is { } open && knowledge.Curriculum.Find(open.LessonId, context.Lang) is { } openLesson
            && open.QuestionIndex < openLesson.Quiz.Count)
        {
            return Task.FromResult(QuizPresenter.Question(context, openLesson, open.QuestionIndex,
                context.T("You have a quiz open; here is where you left off.", "진행 중인 퀴즈가 있습니다. 멈춘 곳부터 이어갑니다.")));
        }

        var lessonId = id.Length > 0 ? id : learner.CurrentLessonId;
        if (lessonId is null)
        {
            return Task.FromResult(context.Reply(context.T(
                "There is no current lesson to quiz you on. Open one with /lesson ID or /next, then type /quiz.",
                "퀴즈를 낼 현재 레슨이 없습니다. /lesson ID 나 /next 로 레슨을 연 뒤 /quiz 를 입력하세요.")));
        }

        if (knowledge.Curriculum.Find(lessonId, context.Lang) is not { } lesson)
        {
            return Task.FromResult(presenter.UnknownLesson(context, lessonId));
        }

        if (lesson.Quiz.Count == 0)
        {
            return Task.FromResult(context.Reply(context.T(
                $"The lesson {lesson.Id} has no quiz yet. Try /next for the next lesson.",
                $"{lesson.Id} 레슨에는 아직 퀴즈가 없습니다. /next 로 다음 레슨으로 가세요.")));
        }

        context.Learner = learner with { Quiz = new QuizState(lesson.Id, 0, []), CurrentLessonId = lesson.Id };
        learners.Save(context.Learner);
        return Task.FromResult(QuizPresenter.Question(context, lesson, 0));
    }
}
