using System.Text;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>Renders one quiz question as text and as a card whose buttons send <c>/answer N</c>.</summary>
internal static class QuizPresenter
{
    public static TurnResult Question(TurnContext context, Lesson lesson, int index, string? preface = null)
    {
        var question = lesson.Quiz[index];
        var sb = new StringBuilder();
        if (preface is { Length: > 0 })
        {
            sb.AppendLine(preface).AppendLine();
        }

        sb.AppendLine(context.T(
            $"Quiz: {lesson.Title} — question {index + 1} of {lesson.Quiz.Count}",
            $"퀴즈: {lesson.Title} — {lesson.Quiz.Count}문항 중 {index + 1}번"));
        sb.AppendLine(question.Question);
        for (var i = 0; i < question.Options.Count; i++)
        {
            sb.AppendLine($"  {i + 1}. {question.Options[i]}");
        }

        sb.Append(context.T(
            $"Answer with /answer N (1–{question.Options.Count}).",
            $"/answer N (1–{question.Options.Count}) 으로 답하세요."));

        var card = new TutorCard(
            "quiz",
            context.T($"{lesson.Title} — {index + 1}/{lesson.Quiz.Count}", $"{lesson.Title} — {index + 1}/{lesson.Quiz.Count}"),
            [new CardSection(null, question.Question)],
            question.Options.Select((o, i) => new CardButton($"{i + 1}. {o}", new CardAction("answer", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray());
        return context.Reply(sb.ToString()) with { Cards = [card] };
    }
}
