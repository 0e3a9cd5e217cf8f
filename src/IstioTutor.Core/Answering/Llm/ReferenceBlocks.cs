using System.Text;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Fences reference data (curriculum sections, tool results) in <c>&lt;reference&gt;</c> blocks for the
/// prompt. Any fence-like tag inside the data is defused so text cannot close its block early and pose
/// as instructions.
/// </summary>
public static class ReferenceBlocks
{
    public static string Sections(IReadOnlyList<LessonSection> sections, string noneText)
    {
        if (sections.Count == 0)
        {
            return noneText;
        }

        var sb = new StringBuilder();
        foreach (var s in sections)
        {
            sb.Append("<reference id=\"").Append(SectionIds.Of(s))
              .Append("\" lesson=\"").Append(Attribute(s.LessonTitle))
              .Append("\" section=\"").Append(Attribute(s.Heading))
              .Append("\" stage=\"").Append(s.Stage.ToName())
              .Append("\" lang=\"").Append(s.Lang).AppendLine("\">");
            sb.AppendLine(Defuse(s.Markdown.Trim()));
            sb.AppendLine("</reference>");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Neutralises tags that would open or close a reference, question or findings block.</summary>
    public static string Defuse(string text) =>
        text.Replace("<reference", "‹reference", StringComparison.OrdinalIgnoreCase)
            .Replace("</reference", "‹/reference", StringComparison.OrdinalIgnoreCase)
            .Replace("<question", "‹question", StringComparison.OrdinalIgnoreCase)
            .Replace("</question", "‹/question", StringComparison.OrdinalIgnoreCase)
            .Replace("<findings", "‹findings", StringComparison.OrdinalIgnoreCase)
            .Replace("</findings", "‹/findings", StringComparison.OrdinalIgnoreCase)
            .Replace("<quiz", "‹quiz", StringComparison.OrdinalIgnoreCase)
            .Replace("</quiz", "‹/quiz", StringComparison.OrdinalIgnoreCase);

    private static string Attribute(string value) => Defuse(value).Replace("\"", "'", StringComparison.Ordinal);
}
