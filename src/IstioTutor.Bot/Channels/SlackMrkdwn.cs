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
        var i = 0;
        while (i < runs.Count)
        {
            if (runs[i].Bold)
            {
                // Consecutive bold runs (bold text with code inside) become one *…* span.
                var content = new StringBuilder();
                for (; i < runs.Count && runs[i].Bold; i++)
                {
                    if (runs[i].Code || runs[i].Italic)
                    {
                        // Code inside bold needs word boundaries of its own.
                        var nextInGroup = i + 1 < runs.Count && runs[i + 1].Bold ? runs[i + 1].Text : null;
                        Marked(content, Plain(runs[i]), "", nextInGroup);
                    }
                    else
                    {
                        content.Append(Plain(runs[i]));
                    }
                }

                Marked(sb, content.ToString(), "*", i < runs.Count ? runs[i].Text : null);
                continue;
            }

            var run = runs[i];
            var next = i + 1 < runs.Count ? runs[i + 1].Text : null;
            if (run.Code)
            {
                Marked(sb, $"`{Escape(run.Text.Replace('`', '\''))}`", "", next);
            }
            else if (run.Italic)
            {
                Marked(sb, Escape(run.Text), "_", next);
            }
            else
            {
                sb.Append(Plain(run));
            }

            i++;
        }

        return sb.ToString();
    }

    private static string Plain(InlineRun run) => run switch
    {
        { Url: { } url } => $"<{url}|{Escape(run.Text)}>",
        { Code: true } => $"`{Escape(run.Text.Replace('`', '\''))}`",
        { Italic: true } => $"_{Escape(run.Text)}_",
        _ => Escape(run.Text),
    };

    /// <summary>
    /// Appends <paramref name="content"/> wrapped in <paramref name="marker"/>, whitespace kept outside the
    /// markers and a space added where a letter would touch them.
    /// </summary>
    private static void Marked(StringBuilder sb, string content, string marker, string? following)
    {
        var inner = content.Trim();
        if (inner.Length == 0)
        {
            sb.Append(content);
            return;
        }

        var lead = content[..content.IndexOf(inner[0], StringComparison.Ordinal)];
        var trail = content[(lead.Length + inner.Length)..];
        if (lead.Length == 0 && sb.Length > 0 && char.IsLetterOrDigit(sb[^1]))
        {
            sb.Append(' ');
        }

        sb.Append(lead).Append(marker).Append(inner).Append(marker).Append(trail);
        if (trail.Length == 0 && following is { Length: > 0 } && char.IsLetterOrDigit(following[0]))
        {
            sb.Append(' ');
        }
    }

    /// <summary>A code block: fenced, escaped, without the language (Slack would print it).</summary>
    public static string Code(string code) => "```\n" + Escape(code.TrimEnd('\n')) + "\n```";
}
