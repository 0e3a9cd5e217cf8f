using System.Text;
using System.Text.RegularExpressions;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// Converts the tutor's Markdown to Slack mrkdwn: <c>**bold**</c> → <c>*bold*</c>, <c>[text](url)</c> →
/// <c>&lt;url|text&gt;</c>, headings → bold lines; fenced code keeps its ``` fences (without the language,
/// which Slack would print) and is otherwise left alone.
/// </summary>
internal static partial class SlackMrkdwn
{
    public static string FromMarkdown(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        var inCode = false;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                sb.Append("```").Append('\n');
                inCode = !inCode;
                continue;
            }

            sb.Append(inCode ? line : Inline(line)).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Text Slack would otherwise read as markup (&amp;, &lt;, &gt;), escaped as Slack asks.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Inline(string line)
    {
        var heading = Heading().Match(line);
        if (heading.Success)
        {
            return $"*{heading.Groups[1].Value.Trim()}*";
        }

        line = Escape(line);
        line = Bold().Replace(line, "*$1*");
        line = Link().Replace(line, "<$2|$1>");
        return Bullet().Replace(line, "$1• ");
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(\s*)[-*]\s+")]
    private static partial Regex Bullet();
}
