using System.Text;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Curriculum.Commands;

/// <summary>
/// Opens a lesson for a learner (shared by /lesson and /next): records it, makes it the current lesson
/// and renders it as text and a card. The quiz answers are never shown here.
/// </summary>
public sealed class LessonPresenter(KnowledgeBase knowledge, ILearnerStore learners, IProgressLog progress, TimeProvider clock)
{
    public TurnResult Open(TurnContext context, Lesson lesson)
    {
        context.Learner = context.Learner with { CurrentLessonId = lesson.Id };
        learners.Save(context.Learner);
        progress.Record(new ProgressEvent(context.Learner.Id, ProgressEventKind.LessonOpened, lesson.Id, context.Request.Door, clock.GetUtcNow()));

        var ko = context.IsKorean;
        var text = new StringBuilder();
        if (lesson.Lang != context.Lang)
        {
            text.AppendLine(ko ? "(이 레슨은 아직 영어로만 준비되어 있습니다.)" : "(This lesson exists only in Korean so far.)").AppendLine();
        }

        text.AppendLine($"# {lesson.Title}");
        text.AppendLine(ko
            ? $"{lesson.Stage.ToKorean()} · {lesson.Id}"
            : $"{lesson.Stage.ToName()} · {lesson.Id}");
        text.AppendLine();
        if (lesson.Objectives.Count > 0)
        {
            text.AppendLine(ko ? "학습 목표:" : "Objectives:");
            foreach (var objective in lesson.Objectives)
            {
                text.AppendLine($"- {objective}");
            }

            text.AppendLine();
        }

        if (lesson.Introduction.Length > 0)
        {
            text.AppendLine(lesson.Introduction).AppendLine();
        }

        foreach (var section in lesson.Sections)
        {
            text.AppendLine($"## {section.Heading}").AppendLine();
            text.AppendLine(section.Markdown).AppendLine();
        }

        text.Append(ko
            ? $"퀴즈로 확인하기: /quiz ({lesson.Quiz.Count}문항) · 다음 레슨: /next"
            : $"Test yourself: /quiz ({lesson.Quiz.Count} questions) · next lesson: /next");

        return Reply(context, lesson, text.ToString().Trim(), Page(context, lesson, 1));
    }

    /// <summary>
    /// One page of a lesson (<c>/lesson ID N</c>, the card's previous/next buttons): the text is that page
    /// only, so paging never sends the lesson again. The learner's current lesson follows the page.
    /// </summary>
    public TurnResult OpenPage(TurnContext context, Lesson lesson, int page)
    {
        context.Learner = context.Learner with { CurrentLessonId = lesson.Id };
        learners.Save(context.Learner);
        var card = Page(context, lesson, Math.Clamp(page, 1, PageCount(lesson)));
        var text = new StringBuilder($"# {card.Title}");
        foreach (var section in card.Sections)
        {
            text.Append("\n\n");
            if (section.Heading is { Length: > 0 } heading)
            {
                text.Append("## ").Append(heading).Append("\n\n");
            }

            text.Append(section.Text);
        }

        return Reply(context, lesson, text.ToString(), card);
    }

    /// <summary>Pages of a lesson: one per section, the objectives and introduction on the first.</summary>
    public static int PageCount(Lesson lesson) => Math.Max(1, lesson.Sections.Count);

    private static TurnResult Reply(TurnContext context, Lesson lesson, string text, TutorCard card) =>
        context.Reply(text) with
        {
            Cards = [card],
            Grounded = true,
            Citations = [new Citation(lesson.Id, lesson.Title, lesson.Stage, lesson.Title, lesson.Lang)],
        };

    /// <summary>
    /// The card for one page. Long lessons are paged by section so a card stays readable in Teams and
    /// within Slack's block limits; the last page offers the quiz and the next lesson.
    /// </summary>
    private static TutorCard Page(TurnContext context, Lesson lesson, int page)
    {
        var ko = context.IsKorean;
        var count = PageCount(lesson);
        var sections = new List<CardSection>();
        if (page == 1)
        {
            sections.Add(new CardSection(null, ko
                ? $"{lesson.Stage.ToKorean()} · {lesson.Id}" + (lesson.Lang != context.Lang ? " · (아직 영어로만 준비된 레슨)" : "")
                : $"{lesson.Stage.ToName()} · {lesson.Id}" + (lesson.Lang != context.Lang ? " · (so far only in Korean)" : "")));
            if (lesson.Objectives.Count > 0)
            {
                sections.Add(new CardSection(ko ? "학습 목표" : "Objectives", string.Join("\n", lesson.Objectives.Select(o => "- " + o))));
            }

            if (lesson.Introduction.Length > 0)
            {
                sections.Add(new CardSection(null, lesson.Introduction));
            }
        }

        if (lesson.Sections.Count >= page)
        {
            var section = lesson.Sections[page - 1];
            sections.Add(new CardSection(section.Heading, section.Markdown));
        }

        var buttons = new List<CardButton>();
        if (page > 1)
        {
            buttons.Add(new CardButton(ko ? "◀ 이전" : "◀ Previous", new CardAction("lesson", $"{lesson.Id} {page - 1}")));
        }

        if (page < count)
        {
            buttons.Add(new CardButton(ko ? "다음 ▶" : "Next ▶", new CardAction("lesson", $"{lesson.Id} {page + 1}"), Primary: true));
        }
        else
        {
            buttons.Add(new CardButton(ko ? "퀴즈 시작" : "Start the quiz", new CardAction("quiz", lesson.Id), Primary: true));
            buttons.Add(new CardButton(ko ? "다음 레슨" : "Next lesson", new CardAction("next")));
        }

        var title = count > 1 ? $"{lesson.Title} ({page}/{count})" : lesson.Title;
        return new TutorCard("lesson", title, sections, buttons);
    }

    /// <summary>Lesson ids the learner has finished (passed the quiz of), from the progress log.</summary>
    public IReadOnlySet<string> Finished(Learner learner) =>
        progress.ForLearner(learner.Id, 10_000)
            .Where(e => e.Kind == ProgressEventKind.LessonFinished)
            .Select(e => e.Subject)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>A clear error for an unknown lesson id, with the closest ids as suggestions.</summary>
    public TurnResult UnknownLesson(TurnContext context, string id)
    {
        var ids = knowledge.Curriculum.InOrder(context.Lang).Select(l => l.Id).ToArray();
        var near = ids.Where(i => i.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(i, StringComparison.OrdinalIgnoreCase)
                                  || i.Split('-').Intersect(id.ToLowerInvariant().Split('-', ' ')).Any())
            .Take(3).ToArray();
        var hint = near.Length > 0 ? string.Join(", ", near) : "/lessons";
        return context.Reply(context.T(
            $"There is no lesson '{id}'. Did you mean: {hint}? Type /lessons for the full list.",
            $"'{id}' 레슨은 없습니다. 혹시 {hint} 인가요? 전체 목록은 /lessons 로 볼 수 있습니다."));
    }
}
