using System.Text.RegularExpressions;

namespace IstioTutor.Bot.Rendering;

/// <summary>
/// Splits the tutor's Markdown (lessons, answers, command replies) into blocks for the channel builders.
/// Lessons wrap their source at about 100 columns while command replies put one statement per line, so a
/// line break is kept after a line that ends a sentence or is short, and joined otherwise.
/// </summary>
internal static partial class MarkdownBlocks
{
    private const int ShortLine = 40;

    public static IReadOnlyList<MarkdownBlock> Parse(string? markdown)
    {
        var blocks = new List<MarkdownBlock>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return blocks;
        }

        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                i++;
                continue;
            }

            if (Fence().Match(line) is { Success: true } fence)
            {
                i = ReadCode(lines, i, fence, blocks);
            }
            else if (Heading().Match(line) is { Success: true } heading)
            {
                blocks.Add(new MarkdownHeading(heading.Groups[1].Length, heading.Groups[2].Value.Trim().TrimEnd('#').TrimEnd()));
                i++;
            }
            else if (line.TrimStart().StartsWith('|') && i + 1 < lines.Length && TableRule().IsMatch(lines[i + 1]))
            {
                i = ReadTable(lines, i, blocks);
            }
            else if (ListItem().IsMatch(line))
            {
                i = ReadList(lines, i, blocks);
            }
            else
            {
                i = ReadParagraph(lines, i, blocks);
            }
        }

        return blocks;
    }

    private static int ReadCode(string[] lines, int i, Match fence, List<MarkdownBlock> blocks)
    {
        var indent = fence.Groups[1].Length;
        var marker = fence.Groups[2].Value;
        var language = fence.Groups[3].Value.Trim();
        var code = new List<string>();
        i++;
        while (i < lines.Length && !lines[i].TrimStart().StartsWith(marker, StringComparison.Ordinal))
        {
            var line = lines[i];
            var strip = 0;
            while (strip < indent && strip < line.Length && line[strip] == ' ')
            {
                strip++;
            }

            code.Add(line[strip..].TrimEnd());
            i++;
        }

        blocks.Add(new MarkdownCode(language.Length == 0 ? null : language, string.Join('\n', code).Trim('\n')));
        return i + 1;
    }

    private static int ReadTable(string[] lines, int i, List<MarkdownBlock> blocks)
    {
        var header = Cells(lines[i]);
        var rows = new List<IReadOnlyList<string>>();
        i += 2;
        while (i < lines.Length && lines[i].TrimStart().StartsWith('|'))
        {
            var cells = Cells(lines[i]);
            rows.Add(Enumerable.Range(0, header.Count).Select(c => c < cells.Count ? cells[c] : "").ToArray());
            i++;
        }

        blocks.Add(new MarkdownTable(header, rows));
        return i;
    }

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        trimmed = trimmed.StartsWith('|') ? trimmed[1..] : trimmed;
        trimmed = trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal) ? trimmed[..^1] : trimmed;
        return CellSplit().Split(trimmed).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim()).ToList();
    }

    private static int ReadList(string[] lines, int i, List<MarkdownBlock> blocks)
    {
        var items = new List<MarkdownListItem>();
        while (i < lines.Length && lines[i].Trim().Length > 0)
        {
            var item = ListItem().Match(lines[i]);
            if (item.Success)
            {
                var marker = item.Groups[2].Value;
                var text = item.Groups[3].Value.Trim();
                if (marker is "✔" or "✘" or "✓" or "✗")
                {
                    text = marker + " " + text;
                    marker = "•";
                }
                else if (marker is "-" or "*" or "+" or "•")
                {
                    marker = "•";
                }
                else
                {
                    marker = marker.TrimEnd(')', '.') + ".";
                }

                items.Add(new MarkdownListItem(marker, text, item.Groups[1].Value.Length >= 2 ? 1 : 0));
            }
            else if (char.IsWhiteSpace(lines[i][0]) && items.Count > 0 && !Fence().IsMatch(lines[i]))
            {
                // An indented line continues the item above it.
                items[^1] = items[^1] with { Text = items[^1].Text + " " + lines[i].Trim() };
            }
            else
            {
                break;
            }

            i++;
        }

        blocks.Add(new MarkdownList(items));
        return i;
    }

    private static int ReadParagraph(string[] lines, int i, List<MarkdownBlock> blocks)
    {
        var kept = new List<string>();
        var current = "";
        while (i < lines.Length && lines[i].Trim().Length > 0
               && !Fence().IsMatch(lines[i]) && !Heading().IsMatch(lines[i]) && !ListItem().IsMatch(lines[i])
               && !(lines[i].TrimStart().StartsWith('|') && i + 1 < lines.Length && TableRule().IsMatch(lines[i + 1])))
        {
            var line = lines[i].Trim();
            current = current.Length == 0 ? line : current + " " + line;
            // Indented lines (a command list, aligned columns) are laid out by hand: each stays on its own line.
            var indented = char.IsWhiteSpace(lines[i][0]) || (i + 1 < lines.Length && lines[i + 1].Length > 0 && char.IsWhiteSpace(lines[i + 1][0]));
            if (indented || EndsStatement(lines[i].TrimEnd()))
            {
                kept.Add(current);
                current = "";
            }

            i++;
        }

        if (current.Length > 0)
        {
            kept.Add(current);
        }

        blocks.Add(new MarkdownParagraph(kept));
        return i;
    }

    private static bool EndsStatement(string line) =>
        line.Length < ShortLine || line[^1] is '.' or ':' or '?' or '!' or '。' || line.EndsWith(".)", StringComparison.Ordinal);

    [GeneratedRegex(@"^( *)(`{3,}|~{3,})(.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(#{1,6})\s+(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^(\s*)([-*+•✔✘✓✗]|\d{1,3}[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();
}
