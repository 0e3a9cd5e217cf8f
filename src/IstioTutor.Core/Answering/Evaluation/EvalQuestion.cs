using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// One evaluation question. An on-topic question names the stage and lesson that should answer it,
/// optionally the section of that lesson (its <c>##</c> heading or that heading's slug), and the terms a
/// correct answer must contain ("a|b" accepts either); an off-topic one must be refused.
/// </summary>
public sealed record EvalQuestion(
    string Id,
    string Lang,
    string Question,
    bool OffTopic,
    Stage? Stage,
    string? Lesson,
    IReadOnlyList<string> MustContain,
    string? Section = null)
{
    /// <summary>True when every required term (or one of its alternatives) occurs in <paramref name="text"/>.</summary>
    public bool IsAnsweredBy(string text) =>
        MustContain.All(term => term.Split('|').Any(alt => text.Contains(alt.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>The ranked section belongs to the expected lesson.</summary>
    public bool IsLesson(RankedSection ranked) => !OffTopic && string.Equals(ranked.LessonId, Lesson, StringComparison.Ordinal);

    /// <summary>
    /// The ranked section is the expected lesson's expected section: the section may be written as the
    /// heading, the heading's slug, or "lesson-id/slug" (the citation id the model sees).
    /// </summary>
    public bool IsSection(RankedSection ranked)
    {
        if (Section is null || !IsLesson(ranked))
        {
            return false;
        }

        var wanted = Section.Trim();
        var slash = wanted.IndexOf('/');
        if (slash > 0 && wanted[..slash] == Lesson)
        {
            wanted = wanted[(slash + 1)..];
        }

        return string.Equals(ranked.Heading.Trim(), wanted, StringComparison.OrdinalIgnoreCase)
            || SectionIds.Slug(ranked.Heading) == SectionIds.Slug(wanted);
    }
}
