using System.Globalization;
using System.Text;
using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>
/// /answer N: grades the open quiz question, explains it and asks the next one. The last answer records
/// QuizCompleted with the score, and LessonFinished when the score reaches Knowledge:QuizPassScore.
/// Bad input changes nothing. With a model configured, a wrong answer also gets the model's feedback on the
/// misunderstanding behind it; without one, or when it fails, the lesson's explanation stands alone.
/// </summary>
public sealed class AnswerCommand(
    KnowledgeBase knowledge,
    ILearnerStore learners,
    IProgressLog progress,
    IOptions<KnowledgeOptions> options,
    TimeProvider clock,
    LlmCoach? coach = null) : ITurnCommand
{
    public string Name => "answer";

    public string Usage => "/answer N";

    public string Summary(string lang) => lang == "ko" ? "퀴즈 문항에 답하기" : "answer the quiz question";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        AnswerAsync(context, arguments.Trim(), cancellationToken);

    private async Task<TurnResult> AnswerAsync(TurnContext context, string argument, CancellationToken cancellationToken)
    {
        var learner = context.Learner;
        if (learner.Quiz is not { } quiz)
        {
            return context.Reply(context.T(
                "No quiz is open, so there is nothing to answer. Open a lesson (/lesson ID or /next), then start its quiz with /quiz.",
                "진행 중인 퀴즈가 없어 답할 문항이 없습니다. /lesson ID 나 /next 로 레슨을 연 뒤 /quiz 로 퀴즈를 시작하세요."));
        }

        if (knowledge.Curriculum.Find(quiz.LessonId, context.Lang) is not { } lesson || quiz.QuestionIndex >= lesson.Quiz.Count)
        {
            context.Learner = learner with { Quiz = null };
            learners.Save(context.Learner);
            return context.Reply(context.T(
                $"The quiz you had open ({quiz.LessonId}) no longer exists in the curriculum, so it was closed. Start again with /quiz.",
                $"진행 중이던 퀴즈({quiz.LessonId})가 커리큘럼에서 사라져 닫았습니다. /quiz 로 다시 시작하세요."));
        }

        // Graded in the order the learner was shown, not the lesson file's order.
        var question = QuizShuffle.For(learner.Id, lesson.Id, lesson.Quiz[quiz.QuestionIndex]);
        if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) || chosen < 1 || chosen > question.Options.Count)
        {
            var what = argument.Length == 0 ? context.T("No option number was given", "보기 번호가 없습니다") : context.T($"'{argument}' is not an option number", $"'{argument}'은(는) 보기 번호가 아닙니다");
            return context.Reply(context.T(
                $"{what}. Answer question {quiz.QuestionIndex + 1} with /answer 1 to /answer {question.Options.Count}; your quiz is unchanged.",
                $"{what}. {quiz.QuestionIndex + 1}번 문항에 /answer 1 ~ /answer {question.Options.Count} 로 답하세요. 퀴즈 상태는 그대로입니다."));
        }

        var correct = chosen - 1 == question.CorrectIndex;
        var now = clock.GetUtcNow();
        progress.Record(new ProgressEvent(learner.Id, ProgressEventKind.QuizAnswered, lesson.Id, context.Request.Door, now,
            Passed: correct, Detail: $"question {question.Number}: chose {chosen}"));

        var feedback = new StringBuilder();
        feedback.AppendLine(correct
            ? context.T("✓ Correct.", "✓ 정답입니다.")
            : context.T($"✗ Not quite — the answer is {question.CorrectIndex + 1}. {question.Options[question.CorrectIndex]}",
                        $"✗ 아쉽습니다. 정답은 {question.CorrectIndex + 1}번, {question.Options[question.CorrectIndex]} 입니다."));
        feedback.Append(question.Explanation);
        IReadOnlyList<Citation> citations = [];
        if (!correct && coach is not null &&
            await coach.QuizFeedbackAsync(question, chosen - 1, lesson.Sections, context.Lang, lesson.Stage, cancellationToken) is { } coached)
        {
            feedback.AppendLine().AppendLine().Append(context.T("Tutor model: ", "튜터 모델: ")).Append(coached.Text);
            citations = coached.Citations;
        }

        var answers = quiz.Answers.Append(correct).ToArray();
        if (quiz.QuestionIndex + 1 < lesson.Quiz.Count)
        {
            context.Learner = learner with { Quiz = quiz with { QuestionIndex = quiz.QuestionIndex + 1, Answers = answers } };
            learners.Save(context.Learner);
            return QuizPresenter.Question(context, lesson, quiz.QuestionIndex + 1, feedback.ToString()) with { Citations = citations };
        }

        return Finish(context, lesson, answers, feedback, now) with { Citations = citations };
    }

    private TurnResult Finish(TurnContext context, Lesson lesson, bool[] answers, StringBuilder feedback, DateTimeOffset now)
    {
        var right = answers.Count(a => a);
        var score = (double)right / answers.Length;
        var passed = score >= options.Value.QuizPassScore;
        var learner = context.Learner;
        progress.Record(new ProgressEvent(learner.Id, ProgressEventKind.QuizCompleted, lesson.Id, context.Request.Door, now,
            Score: score, Passed: passed, Detail: $"{right}/{answers.Length}"));
        if (passed)
        {
            progress.Record(new ProgressEvent(learner.Id, ProgressEventKind.LessonFinished, lesson.Id, context.Request.Door, now, Score: score));
        }

        context.Learner = learner with { Quiz = null };
        learners.Save(context.Learner);

        var percent = (int)Math.Round(score * 100);
        var pass = (int)Math.Round(options.Value.QuizPassScore * 100);
        feedback.AppendLine().AppendLine();
        feedback.Append(passed
            ? context.T($"Quiz finished: {right}/{answers.Length} ({percent}%). Lesson {lesson.Id} is finished — continue with /next.",
                        $"퀴즈 완료: {right}/{answers.Length} ({percent}%). {lesson.Id} 레슨을 마쳤습니다. /next 로 이어가세요.")
            : context.T($"Quiz finished: {right}/{answers.Length} ({percent}%), below the {pass}% needed to finish the lesson. Review it with /lesson {lesson.Id} and try /quiz again.",
                        $"퀴즈 완료: {right}/{answers.Length} ({percent}%). 레슨 완료 기준 {pass}%에 못 미칩니다. /lesson {lesson.Id} 로 복습한 뒤 /quiz 로 다시 도전하세요."));
        return context.Reply(feedback.ToString());
    }
}
