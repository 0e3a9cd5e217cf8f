using System.Text.RegularExpressions;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Keeps only the citations that name a section the model was actually given. A bracketed id the model
/// invented (or recalled from elsewhere) is removed from the text, so the learner never sees a reference
/// that leads nowhere. Brackets that are not ids (markdown links, "[1]", YAML lists) are left alone.
/// </summary>
public sealed partial class CitationChecker
{
    public CheckedCitations Check(string reply, IReadOnlyList<LessonSection> given)
    {
        var byId = new Dictionary<string, LessonSection>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in given)
        {
            byId.TryAdd(SectionIds.Of(s), s);
        }

        var cited = new List<LessonSection>();
        var dropped = new List<string>();
        var text = Bracket().Replace(reply, match =>
        {
            var parts = match.Groups["body"].Value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !parts.All(p => IdShape().IsMatch(p)))
            {
                return match.Value;
            }

            var lead = match.Groups["lead"].Value;

            var kept = new List<string>();
            foreach (var id in parts)
            {
                if (byId.TryGetValue(id, out var section))
                {
                    kept.Add(SectionIds.Of(section));
                    if (!cited.Contains(section))
                    {
                        cited.Add(section);
                    }
                }
                else
                {
                    dropped.Add(id);
                }
            }

            return kept.Count == 0 ? "" : lead + "[" + string.Join(", ", kept) + "]";
        });

        var citations = cited
            .Select(s => new Citation(s.LessonId, s.LessonTitle, s.Stage, s.Heading, s.Lang))
            .ToArray();
        return new CheckedCitations(text.Trim(), citations, dropped);
    }

    // A bracket not followed by '(' (a markdown link) and not preceded by '!' (an image), with the
    // spaces before it, which go too when the whole citation is dropped.
    [GeneratedRegex(@"(?<lead>[ \t]*)(?<!!)\[(?<body>[^\[\]\n]{1,300})\](?!\()")]
    private static partial Regex Bracket();

    // "lesson-id/section-slug": letters of any script, digits and hyphens on both sides of one slash.
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-_.]*/[\p{L}\p{N}][\p{L}\p{N}\-_.]*$")]
    private static partial Regex IdShape();
}
