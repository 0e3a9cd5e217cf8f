using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Turns;
using Newtonsoft.Json.Linq;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// Builds the Adaptive Card 1.5 a Teams learner sees for a card (the AdaptiveCards package is not served
/// here, and the schema is small). Section text goes through <see cref="MarkdownBlocks"/>: paragraphs and
/// list items become RichTextBlocks (TextBlock markdown has no inline code), tables become Table elements,
/// and code becomes Teams' CodeBlock exactly where the lesson has it, falling back to a monospace block
/// whose spaces are non-breaking so YAML keeps its indentation in clients that lack CodeBlock.
/// </summary>
internal static class AdaptiveCardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JObject From(TutorCard card)
    {
        var body = new JArray
        {
            new JObject { ["type"] = "TextBlock", ["text"] = card.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true, ["style"] = "heading" },
        };
        foreach (var section in card.Sections)
        {
            if (!string.IsNullOrWhiteSpace(section.Heading))
            {
                body.Add(new JObject { ["type"] = "TextBlock", ["text"] = section.Heading, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            }

            foreach (var block in MarkdownBlocks.Parse(section.Text))
            {
                AddBlock(body, block);
            }

            if (!string.IsNullOrEmpty(section.Code))
            {
                body.Add(Code(section.Code, section.CodeLanguage));
            }
        }

        var json = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            // Code and tables need the width; Teams otherwise narrows cards in chat.
            ["msteams"] = new JObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (card.Buttons.Count > 0)
        {
            json["actions"] = new JArray(card.Buttons.Select(Submit));
        }

        return json;
    }

    private static void AddBlock(JArray body, MarkdownBlock block)
    {
        switch (block)
        {
            case MarkdownHeading heading:
                body.Add(new JObject
                {
                    ["type"] = "TextBlock", ["text"] = MarkdownInline.Plain(heading.Text), ["weight"] = "Bolder", ["wrap"] = true,
                    ["spacing"] = "Medium", ["size"] = heading.Level <= 2 ? "Medium" : "Default",
                });
                break;
            case MarkdownParagraph paragraph:
                for (var i = 0; i < paragraph.Lines.Count; i++)
                {
                    body.Add(Rich(MarkdownInline.Parse(paragraph.Lines[i]), i == 0 ? "Default" : "Small"));
                }

                break;
            case MarkdownList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var item = list.Items[i];
                    var marker = new InlineRun(new string('\u00A0', 4 * item.Depth) + item.Marker + "\u00A0");
                    body.Add(Rich([marker, .. MarkdownInline.Parse(item.Text)], i == 0 ? "Default" : "Small"));
                }

                break;
            case MarkdownCode code:
                body.Add(Code(code.Code, code.Language));
                break;
            case MarkdownTable table:
                body.Add(Table(table));
                break;
        }
    }

    private static JObject Rich(IEnumerable<InlineRun> runs, string spacing) => new()
    {
        ["type"] = "RichTextBlock",
        ["spacing"] = spacing,
        ["inlines"] = new JArray(runs.Select(TextRun)),
    };

    private static JObject TextRun(InlineRun run)
    {
        var json = new JObject { ["type"] = "TextRun", ["text"] = run.Text };
        if (run.Bold)
        {
            json["weight"] = "Bolder";
        }

        if (run.Code)
        {
            json["fontType"] = "Monospace";
        }

        if (run.Italic)
        {
            json["italic"] = true;
        }

        if (run.Url is not null)
        {
            json["selectAction"] = new JObject { ["type"] = "Action.OpenUrl", ["url"] = run.Url };
            json["color"] = "Accent";
        }

        return json;
    }

    private static JObject Code(string code, string? language) => new()
    {
        ["type"] = "CodeBlock",
        ["codeSnippet"] = code.TrimEnd('\n'),
        ["language"] = CodeLanguage(language),
        ["startLineNumber"] = 1,
        ["fallback"] = new JObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JArray
            {
                new JObject
                {
                    ["type"] = "RichTextBlock",
                    ["inlines"] = new JArray
                    {
                        new JObject
                        {
                            ["type"] = "TextRun",
                            // Renderers collapse runs of ordinary spaces; YAML's meaning is in its indentation.
                            ["text"] = code.TrimEnd('\n').Replace(' ', '\u00A0'),
                            ["fontType"] = "Monospace",
                        },
                    },
                },
            },
        },
    };

    /// <summary>Teams' CodeBlock languages; YAML and diffs have no highlighter there, so they are plain text.</summary>
    private static string CodeLanguage(string? language) => language?.ToLowerInvariant() switch
    {
        "bash" or "sh" or "shell" or "console" => "Bash",
        "json" => "Json",
        "go" => "Go",
        "python" => "Python",
        "xml" => "Xml",
        "powershell" => "PowerShell",
        _ => "PlainText",
    };

    private static JObject Table(MarkdownTable table)
    {
        JObject Row(IEnumerable<string> cells, bool header) => new()
        {
            ["type"] = "TableRow",
            ["cells"] = new JArray(cells.Select(cell => new JObject
            {
                ["type"] = "TableCell",
                ["items"] = new JArray { Rich(MarkdownInline.Parse(cell).Select(r => header ? r with { Bold = true } : r), "None") },
            })),
        };

        return new JObject
        {
            ["type"] = "Table",
            ["gridStyle"] = "accent",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
            ["columns"] = new JArray(table.Header.Select(_ => new JObject { ["width"] = 1 })),
            ["rows"] = new JArray(new[] { Row(table.Header, header: true) }.Concat(table.Rows.Select(r => Row(r, header: false)))),
        };
    }

    private static JObject Submit(CardButton button)
    {
        var action = new JObject
        {
            ["type"] = "Action.Submit",
            ["title"] = button.Label,
            // Comes back as activity.Value; CardActionReader reads exactly these two keys.
            ["data"] = new JObject { ["verb"] = button.Action.Verb, ["argument"] = button.Action.Argument },
        };
        if (button.Primary)
        {
            action["style"] = "positive";
        }

        return action;
    }
}
