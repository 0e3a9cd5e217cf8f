using System.Text;
using System.Text.RegularExpressions;
using IstioTutor.Core.Turns;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace IstioTutor.Core.Knowledge.Parsing;

/// <summary>
/// Turns one lesson file into a <see cref="Lesson"/> (knowledge/README.md is the format). Markdig gives
/// the block structure and line numbers; the text of each block is taken from the source as written, so
/// what the tutor shows is what the author wrote.
/// </summary>
public sealed partial class LessonParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public LessonParseResult Parse(LessonFile file)
    {
        var problems = new List<LessonProblem>();
        var text = file.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdown.Parse(text, Pipeline);

        if (document.FirstOrDefault() is not YamlFrontMatterBlock frontBlock)
        {
            problems.Add(new LessonProblem(file.Source, 1,
                "the file does not start with front matter: add a '---' block with id, stage, lang and title"));
            return new LessonParseResult(null, problems);
        }

        var front = FrontMatterReader.Read(file.Source, FrontMatterText(frontBlock), frontBlock.Line + 2, problems);
        if (front is null)
        {
            return new LessonParseResult(null, problems);
        }

        CheckAgainstPath(file.Source, front, problems);
        if (problems.Any(p => p.Severity == LessonProblemSeverity.Error))
        {
            return new LessonParseResult(null, problems);
        }

        var body = new BodyBuilder(file.Source, text, front, problems);
        foreach (var block in document.Skip(1))
        {
            body.Add(block);
        }

        return new LessonParseResult(body.Build(), problems);
    }

    private static string FrontMatterText(YamlFrontMatterBlock block)
    {
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString());
        return string.Join('\n', lines.Where(l => l.Trim() != "---"));
    }

    /// <summary>knowledge/&lt;lang&gt;/&lt;stage&gt;/&lt;id&gt;.md must agree with the front matter, or lookups by id break.</summary>
    private static void CheckAgainstPath(string source, FrontMatter front, List<LessonProblem> problems)
    {
        var parts = source.Replace('\\', '/').Split('/');
        if (parts.Length < 3)
        {
            return;
        }

        var fileId = Path.GetFileNameWithoutExtension(parts[^1]);
        var dirStage = parts[^2];
        var dirLang = parts[^3];
        if (dirLang is "en" or "ko" && dirLang != front.Lang)
        {
            problems.Add(new LessonProblem(source, front.LangLine, $"lang is '{front.Lang}' but the file is under '{dirLang}/': move the file or fix lang"));
        }

        if (StageNames.TryParse(dirStage, out var stage) && stage != front.Stage)
        {
            problems.Add(new LessonProblem(source, front.StageLine, $"stage is '{front.Stage.ToName()}' but the file is under '{dirStage}/': move the file or fix stage"));
        }

        if (!string.Equals(fileId, front.Id, StringComparison.Ordinal) && fileId != "README")
        {
            problems.Add(new LessonProblem(source, front.IdLine, $"id is '{front.Id}' but the file is named '{fileId}.md': use the same name for both"));
        }
    }

    /// <summary>Collects sections, code blocks and the quiz while walking the top-level blocks in order.</summary>
    private sealed class BodyBuilder(string source, string text, FrontMatter front, List<LessonProblem> problems)
    {
        private readonly List<LessonSection> _sections = [];
        private readonly StringBuilder _intro = new();
        private readonly QuizBuilder _quiz = new(source, front.Lang, problems);
        private SectionBuilder? _current;
        private bool _inQuiz;
        private int _titles;

        public void Add(Block block)
        {
            if (block is HeadingBlock { Level: 1 } title)
            {
                _titles++;
                if (_titles > 1)
                {
                    problems.Add(new LessonProblem(source, title.Line + 1, "a second '# ' title heading: a lesson has one title; use '## ' for sections", LessonProblemSeverity.Warning));
                }

                return;
            }

            if (block is HeadingBlock { Level: 2 } heading)
            {
                Flush();
                var headingText = HeadingText(heading);
                _inQuiz = IsQuizHeading(headingText);
                if (!_inQuiz)
                {
                    _current = new SectionBuilder(headingText, heading.Line + 1, IsMistakesHeading(headingText));
                }

                return;
            }

            if (_inQuiz)
            {
                _quiz.Add(block, Slice(block), block is HeadingBlock h ? HeadingText(h) : null);
                return;
            }

            if (_current is null)
            {
                if (block is not FencedCodeBlock)
                {
                    _intro.AppendLine(Slice(block)).AppendLine();
                }

                return;
            }

            switch (block)
            {
                case HeadingBlock sub:
                    var subText = HeadingText(sub);
                    _current.SubHeadings.Add(subText);
                    _current.Markdown.AppendLine(new string('#', sub.Level) + " " + subText).AppendLine();
                    _current.Prose.AppendLine(subText + ".").AppendLine();
                    break;
                case FencedCodeBlock code:
                    var codeText = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()));
                    _current.Code.Add(new CodeBlock(code.Info?.Trim() ?? "", codeText));
                    _current.Markdown.AppendLine(Slice(block)).AppendLine();
                    break;
                default:
                    var raw = Slice(block);
                    _current.Markdown.AppendLine(raw).AppendLine();
                    _current.Prose.AppendLine(StripInline(raw)).AppendLine();
                    break;
            }
        }

        public Lesson Build()
        {
            Flush();
            if (_titles == 0)
            {
                problems.Add(new LessonProblem(source, 1, "no '# ' title heading after the front matter", LessonProblemSeverity.Warning));
            }

            var quiz = _quiz.Build();
            if (quiz.Count < 3)
            {
                problems.Add(new LessonProblem(source, 1,
                    $"the quiz has {quiz.Count} valid question(s); a lesson needs at least 3 under '## {(front.Lang == "ko" ? "퀴즈" : "Quiz")}'",
                    LessonProblemSeverity.Warning));
            }

            if (_sections.Count == 0)
            {
                problems.Add(new LessonProblem(source, 1, "no '## ' sections: nothing of this lesson can be retrieved", LessonProblemSeverity.Warning));
            }

            return new Lesson
            {
                Id = front.Id,
                Stage = front.Stage,
                Lang = front.Lang,
                Order = front.Order,
                Title = front.Title,
                Source = source,
                Objectives = front.Objectives,
                Prerequisites = front.Prerequisites,
                Labs = front.Labs,
                Keywords = front.Keywords,
                Asks = front.Asks,
                Introduction = _intro.ToString().Trim(),
                Sections = _sections,
                Quiz = quiz,
            };
        }

        private void Flush()
        {
            if (_current is null)
            {
                return;
            }

            var path = string.Join(" > ", new[] { front.Title, _current.Heading }.Concat(_current.SubHeadings));
            _sections.Add(new LessonSection
            {
                LessonId = front.Id,
                LessonTitle = front.Title,
                Stage = front.Stage,
                Lang = front.Lang,
                Heading = _current.Heading,
                HeadingPath = path,
                Markdown = _current.Markdown.ToString().Trim(),
                Prose = _current.Prose.ToString().Trim(),
                CodeBlocks = _current.Code,
                Kind = _current.IsMistakes ? SectionKind.CommonMistakes : SectionKind.Teaching,
                Line = _current.Line,
            });
            _current = null;
        }

        private string Slice(Block block) =>
            block.Span.End < block.Span.Start ? "" : text.Substring(block.Span.Start, Math.Min(block.Span.Length, text.Length - block.Span.Start)).TrimEnd();

        private string HeadingText(HeadingBlock heading) =>
            Slice(heading).TrimStart('#').Trim().Replace("`", "", StringComparison.Ordinal);
    }

    private sealed class SectionBuilder(string heading, int line, bool isMistakes)
    {
        public string Heading { get; } = heading;
        public int Line { get; } = line;
        public bool IsMistakes { get; } = isMistakes;
        public List<string> SubHeadings { get; } = [];
        public List<CodeBlock> Code { get; } = [];
        public StringBuilder Markdown { get; } = new();
        public StringBuilder Prose { get; } = new();
    }

    internal static bool IsQuizHeading(string heading) =>
        heading.Equals("Quiz", StringComparison.OrdinalIgnoreCase) || heading == "퀴즈";

    internal static bool IsMistakesHeading(string heading) =>
        heading.Equals("Common mistakes", StringComparison.OrdinalIgnoreCase) || heading == "자주 하는 실수";

    /// <summary>Markdown inline syntax removed: emphasis, code ticks, links keep their text.</summary>
    internal static string StripInline(string markdown)
    {
        var s = LinkRegex().Replace(markdown, "$1");
        s = s.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        return ListMarkerRegex().Replace(s, "");
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"(?m)^\s*(?:[-*+]|\d+\.)\s+")]
    private static partial Regex ListMarkerRegex();
}
