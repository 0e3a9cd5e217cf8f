using System.Text.RegularExpressions;
using IstioTutor.Core.Turns;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IstioTutor.Core.Knowledge.Parsing;

/// <summary>
/// Reads front matter through YamlDotNet's node model rather than a typed deserializer, so every
/// problem can name the line of the key that caused it.
/// </summary>
internal static partial class FrontMatterReader
{
    private static readonly string[] Known = ["id", "stage", "lang", "order", "title", "objectives", "prerequisites", "labs", "keywords", "asks"];

    /// <param name="firstLine">1-based file line of the YAML's first line.</param>
    public static FrontMatter? Read(string source, string yaml, int firstLine, List<LessonProblem> problems)
    {
        YamlMappingNode map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new LessonProblem(source, firstLine, "the front matter is not a 'key: value' mapping"));
                return null;
            }

            map = root;
        }
        catch (YamlException e)
        {
            problems.Add(new LessonProblem(source, firstLine + (int)e.Start.Line - 1, $"front matter is not valid YAML: {e.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up without a position on an unclosed flow collection at the end of input.
            problems.Add(new LessonProblem(source, firstLine + UnclosedLine(yaml),
                "front matter is not valid YAML: a '[' or '{' list is not closed on this line"));
            return null;
        }

        int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Known.Contains(key))
            {
                problems.Add(new LessonProblem(source, LineOf(keyNode), $"unknown front matter key '{key}' (known: {string.Join(", ", Known)})", LessonProblemSeverity.Warning));
                continue;
            }

            values[key] = valueNode;
        }

        string? Scalar(string key)
        {
            if (!values.TryGetValue(key, out var node))
            {
                problems.Add(new LessonProblem(source, firstLine, $"front matter is missing the required key '{key}'"));
                return null;
            }

            if (node is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                problems.Add(new LessonProblem(source, LineOf(node), $"'{key}' must be a single non-empty value"));
                return null;
            }

            return value.Trim();
        }

        IReadOnlyList<string> List(string key) => values.TryGetValue(key, out var node)
            ? node switch
            {
                YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToArray(),
                YamlScalarNode { Value: { Length: > 0 } one } => [one.Trim()],
                _ => [],
            }
            : [];

        int Line(string key) => values.TryGetValue(key, out var node) ? LineOf(node) : firstLine;

        var id = Scalar("id");
        var stageText = Scalar("stage");
        var lang = Scalar("lang");
        var title = Scalar("title");
        var before = problems.Count(p => p.Severity == LessonProblemSeverity.Error);

        if (id is not null && !KebabCase().IsMatch(id))
        {
            problems.Add(new LessonProblem(source, Line("id"), $"id '{id}' must be lower-case kebab-case (letters, digits, '-')"));
        }

        var stage = Stage.Beginner;
        if (stageText is not null && !(stageText is "beginner" or "intermediate" or "advanced" && StageNames.TryParse(stageText, out stage)))
        {
            problems.Add(new LessonProblem(source, Line("stage"), $"stage '{stageText}' is not one of beginner, intermediate, advanced"));
        }

        if (lang is not null && lang is not ("en" or "ko"))
        {
            problems.Add(new LessonProblem(source, Line("lang"), $"lang '{lang}' is not 'en' or 'ko'"));
        }

        var order = int.MaxValue;
        if (values.TryGetValue("order", out var orderNode)
            && !(orderNode is YamlScalarNode { Value: { } orderText } && int.TryParse(orderText, out order) && order > 0))
        {
            problems.Add(new LessonProblem(source, LineOf(orderNode), "order must be a positive whole number (the lesson's place in its stage)"));
            order = int.MaxValue;
        }

        if (id is null || stageText is null || lang is null || title is null || problems.Count(p => p.Severity == LessonProblemSeverity.Error) > before)
        {
            return null;
        }

        return new FrontMatter(id, stage, lang, order, title, List("objectives"), List("prerequisites"), List("labs"), List("keywords"), List("asks"),
            Line("id"), Line("stage"), Line("lang"));
    }

    /// <summary>0-based index of the first line opening more brackets than it closes, else the last line.</summary>
    private static int UnclosedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.Count(c => c == '[') > l.Count(c => c == ']') || l.Count(c => c == '{') > l.Count(c => c == '}'))
            {
                return i;
            }
        }

        return Math.Max(0, lines.Length - 1);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
