using System.Text;

namespace IstioTutor.Bot.Rendering;

/// <summary>A run of inline text: plain, <c>**bold**</c>, <c>`code`</c> or a link.</summary>
internal sealed record InlineRun(string Text, bool Bold = false, bool Code = false, string? Url = null, bool Italic = false);

/// <summary>
/// Splits one block's text into inline runs. Code spans win over everything (their content is literal);
/// <c>**bold**</c>, <c>*italic*</c> and <c>[text](url)</c> are recognised; anything else is plain text, so an unmatched
/// <c>**</c> shows as typed rather than swallowing the rest.
/// </summary>
internal static class MarkdownInline
{
    public static IReadOnlyList<InlineRun> Parse(string text)
    {
        var runs = new List<InlineRun>();
        var plain = new StringBuilder();
        var bold = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`' && text.IndexOf('`', i + 1) is var end && end > i)
            {
                Flush(runs, plain, bold);
                runs.Add(new InlineRun(text[(i + 1)..end], Bold: bold, Code: true));
                i = end + 1;
            }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*' && (bold || text.IndexOf("**", i + 2, StringComparison.Ordinal) > i + 2))
            {
                Flush(runs, plain, bold);
                bold = !bold;
                i += 2;
            }
            else if (c == '*' && Italic(text, i) is { } end2)
            {
                Flush(runs, plain, bold);
                runs.Add(new InlineRun(text[(i + 1)..end2], Bold: bold, Italic: true));
                i = end2 + 1;
            }
            else if (c == '[' && Link(text, i) is { } link)
            {
                Flush(runs, plain, bold);
                runs.Add(new InlineRun(link.Label, Bold: bold, Url: link.Url));
                i = link.End;
            }
            else
            {
                plain.Append(c);
                i++;
            }
        }

        Flush(runs, plain, bold);
        return runs;
    }

    /// <summary>The text without markup, as a reader sees it.</summary>
    public static string Plain(string text) => string.Concat(Parse(text).Select(r => r.Text));

    private static void Flush(List<InlineRun> runs, StringBuilder plain, bool bold)
    {
        if (plain.Length > 0)
        {
            runs.Add(new InlineRun(plain.ToString(), Bold: bold));
            plain.Clear();
        }
    }

    /// <summary>The closing star of <c>*italic*</c> opening at <paramref name="start"/>, or null when it is not emphasis (a glob, a lone star).</summary>
    private static int? Italic(string text, int start)
    {
        var opens = (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && start + 1 < text.Length
            && text[start + 1] is not ('*' or ' ' or '\t');
        if (!opens)
        {
            return null;
        }

        for (var end = start + 2; end < text.Length; end++)
        {
            if (text[end] == '`')
            {
                return null;
            }

            if (text[end] == '*')
            {
                var closes = text[end - 1] != ' ' && (end + 1 == text.Length || text[end + 1] != '*');
                return closes ? end : null;
            }
        }

        return null;
    }

    private static (string Label, string Url, int End)? Link(string text, int start)
    {
        var close = text.IndexOf("](", start + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var end = text.IndexOf(')', close + 2);
        if (end < 0)
        {
            return null;
        }

        var url = text[(close + 2)..end];
        return url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)
            ? (text[(start + 1)..close], url, end + 1)
            : null;
    }
}
