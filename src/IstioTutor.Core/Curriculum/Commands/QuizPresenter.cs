using System.Text;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>
/// Renders one quiz question, options in the learner's <see cref="QuizShuffle"/> order, as text and as a card
/// whose buttons send <c>/answer N</c> (N in that same order).
/// </summary>
internal static class QuizPresenter
{
    public static TurnResult Question(TurnContext context, Lesson lesson, int index, string? preface = null)
    {
        var question = QuizShuffle.For(context.Learner.Id, lesson.Id, lesson.Quiz[index]);
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
            [
                new CardSection(null, question.Question),
                // The options are read in the card body; the buttons only carry their numbers, which fit any client.
                new CardSection(null, string.Join("\n", question.Options.Select((o, i) => $"{i + 1}. {o}"))),
            ],
            question.Options.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Select(n => new CardButton(n, new CardAction("answer", n))).ToArray());
        return context.Reply(sb.ToString()) with { Cards = [card] };
    }
}
