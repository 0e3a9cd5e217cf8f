using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace IstioTutor.Core.Knowledge.Parsing;

/// <summary>
/// Reads the quiz section: <c>### N. question</c>, a task list with exactly one <c>[x]</c>, then a
/// paragraph starting <c>**Explanation:**</c> / <c>**해설:**</c>. A malformed question is reported and
/// dropped; the rest of the lesson still loads.
/// </summary>
internal sealed partial class QuizBuilder(string source, string lang, List<LessonProblem> problems)
{
    private readonly List<QuizQuestion> _done = [];
    private string? _question;
    private int _line;
    private List<(string Text, bool Correct)> _options = [];
    private StringBuilder? _explanation;

    public void Add(Block block, string raw, string? headingText)
    {
        if (block is HeadingBlock)
        {
            Finish();
            _question = QuestionNumber().Replace(headingText ?? "", "").Trim();
            _line = block.Line + 1;
            _options = [];
            _explanation = null;
            return;
        }

        if (_question is null)
        {
            return;
        }

        if (block is ListBlock)
        {
            // Wrapped option text continues on lines that do not start a new item.
            var merged = ContinuationBreak().Replace(raw, " ");
            foreach (Match m in OptionLine().Matches(merged))
            {
                _options.Add((LessonParser.StripInline(m.Groups[2].Value.Trim()), m.Groups[1].Value is "x" or "X"));
            }

            return;
        }

        var text = raw.Trim();
        var marker = ExplanationMarker().Match(text);
        if (marker.Success)
        {
            _explanation = new StringBuilder(LessonParser.StripInline(text[marker.Length..].Trim()));
        }
        else
        {
            _explanation?.Append(' ').Append(LessonParser.StripInline(text));
        }
    }

    public IReadOnlyList<QuizQuestion> Build()
    {
        Finish();
        return _done;
    }

    private void Finish()
    {
        if (_question is null)
        {
            return;
        }

        var correct = _options.Count(o => o.Correct);
        var explanationLabel = lang == "ko" ? "**해설:**" : "**Explanation:**";
        if (_options.Count < 2)
        {
            Drop($"quiz question '{_question}' has {_options.Count} option(s); write at least two '- [ ] option' lines");
        }
        else if (correct != 1)
        {
            Drop($"quiz question '{_question}' marks {correct} options with [x]; mark exactly one");
        }
        else if (_explanation is null)
        {
            Drop($"quiz question '{_question}' has no paragraph starting {explanationLabel}");
        }
        else
        {
            _done.Add(new QuizQuestion(_done.Count + 1, _question, _options.Select(o => o.Text).ToArray(),
                _options.FindIndex(o => o.Correct), _explanation.ToString().Trim()));
        }

        _question = null;
    }

    private void Drop(string message) =>
        problems.Add(new LessonProblem(source, _line, message, LessonProblemSeverity.Warning));

    [GeneratedRegex(@"\n\s*(?![-*+]\s)")]
    private static partial Regex ContinuationBreak();

    [GeneratedRegex(@"^\d+[.)]\s*")]
    private static partial Regex QuestionNumber();

    [GeneratedRegex(@"(?m)^\s*[-*+]\s+\[([ xX])\]\s+(.+)$")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"^\*\*(Explanation|해설)\s*[:：]\s*\*\*|^\*\*(Explanation|해설)\*\*\s*[:：]")]
    private static partial Regex ExplanationMarker();
}
