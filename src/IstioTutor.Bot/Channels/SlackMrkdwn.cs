using System.Text;
using IstioTutor.Bot.Rendering;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// Slack mrkdwn for one block of text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped everywhere (code
/// included, as Slack asks), <c>**bold**</c> → <c>*bold*</c>, links → <c>&lt;url|text&gt;</c>. Slack only
/// sees <c>*</c> and <c>`</c> as markup at word boundaries, so bold and code next to a letter (Korean
/// particles: <c>*굵게*입니다</c>) get a space on that side.
/// </summary>
internal static class SlackMrkdwn
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Inline(string markdown)
    {
        var runs = MarkdownInline.Parse(markdown);
        var sb = new StringBuilder(markdown.Length + 16);
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.Url is not null)
            {
                sb.Append('<').Append(run.Url).Append('|').Append(Escape(run.Text)).Append('>');
                continue;
            }

            if (!run.Bold && !run.Code)
            {
                sb.Append(Escape(run.Text));
                continue;
            }

            var inner = run.Text.Trim();
            if (inner.Length == 0)
            {
                sb.Append(run.Text);
                continue;
            }

            if (sb.Length > 0 && char.IsLetterOrDigit(sb[^1]))
            {
                sb.Append(' ');
            }

            var marked = run.Code ? $"`{Escape(inner.Replace('`', '\''))}`" : $"*{Escape(inner)}*";
            sb.Append(run.Bold && run.Code ? $"*{marked}*" : marked);
            if (i + 1 < runs.Count && runs[i + 1].Text.Length > 0 && char.IsLetterOrDigit(runs[i + 1].Text[0]))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>A code block: fenced, escaped, without the language (Slack would print it).</summary>
    public static string Code(string code) => "```\n" + Escape(code.TrimEnd('\n')) + "\n```";
}
