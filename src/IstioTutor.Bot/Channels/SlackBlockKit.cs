using System.Text;
using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Turns;
using Newtonsoft.Json.Linq;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// Builds Slack Block Kit blocks: sections of mrkdwn, a header per card, code as fenced sections, tables as
/// one line per row, sources as a context block, and card buttons as an actions block with short labels.
/// Every text goes through <see cref="SlackCommands.Spell"/> first, so commands read <c>!help</c>.
/// Sizes stay inside Block Kit's documented limits (<see cref="Limits"/>).
/// </summary>
internal sealed class SlackBlockKit(SlackCommands commands)
{
    /// <summary>Block Kit's documented limits the builder keeps to.</summary>
    public static class Limits
    {
        public const int BlocksPerMessage = 50;
        public const int SectionText = 3000;
        public const int HeaderText = 150;
        public const int ButtonText = 75;
        public const int ButtonValue = 2000;
        public const int ActionsElements = 25;
        public const int ContextElements = 10;
        public const int ActionId = 255;
    }

    private readonly JArray _blocks = [];

    public JArray Blocks => _blocks;

    public void Markdown(string? markdown)
    {
        foreach (var block in MarkdownBlocks.Parse(markdown is null ? null : commands.Spell(markdown)))
        {
            switch (block)
            {
                case MarkdownHeading heading:
                    Section($"*{SlackMrkdwn.Escape(MarkdownInline.Plain(heading.Text))}*");
                    break;
                case MarkdownParagraph paragraph:
                    Section(string.Join("\n", paragraph.Lines.Select(SlackMrkdwn.Inline)));
                    break;
                case MarkdownList list:
                    Section(string.Join("\n", list.Items.Select(i => (i.Depth > 0 ? "    " : "") + i.Marker + " " + SlackMrkdwn.Inline(i.Text))));
                    break;
                case MarkdownCode code:
                    CodeSection(code.Code);
                    break;
                case MarkdownTable table:
                    Section(string.Join("\n", table.Rows.Select(row => Row(table.Header, row))));
                    break;
            }
        }
    }

    public void Card(TutorCard card, string lang)
    {
        _blocks.Add(new JObject
        {
            ["type"] = "header",
            ["text"] = new JObject { ["type"] = "plain_text", ["text"] = Cut(card.Title, Limits.HeaderText), ["emoji"] = false },
        });
        foreach (var section in card.Sections)
        {
            if (!string.IsNullOrWhiteSpace(section.Heading))
            {
                Section($"*{SlackMrkdwn.Escape(section.Heading)}*");
            }

            Markdown(section.Text);
            if (!string.IsNullOrEmpty(section.Code))
            {
                CodeSection(section.Code);
            }
        }

        if (card.Buttons.Count == 0)
        {
            return;
        }

        _blocks.Add(new JObject
        {
            ["type"] = "actions",
            ["elements"] = new JArray(card.Buttons.Take(Limits.ActionsElements).Select((b, i) => Button(b, i))),
        });
        // Buttons are not shown everywhere Slack shows a message (notifications, some clients); the typed command always works.
        var typed = string.Join("  ", card.Buttons.Select(b => $"`{SlackMrkdwn.Escape(SlackCommands.For(b.Action))}`"));
        Context((lang == "ko" ? "입력해도 됩니다: " : "Or type: ") + typed);
    }

    public void Context(string mrkdwn) => _blocks.Add(new JObject
    {
        ["type"] = "context",
        ["elements"] = new JArray { new JObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, Limits.SectionText) } },
    });

    /// <summary>The blocks, with neighbouring sections merged when a message would exceed Slack's block count.</summary>
    public JArray Build()
    {
        var merged = new JArray();
        foreach (var block in _blocks)
        {
            var fits = merged.Count > 0 && _blocks.Count > Limits.BlocksPerMessage
                && IsSection(block) && IsSection(merged[^1]!)
                && SectionText(merged[^1]!).Length + SectionText(block).Length + 2 <= Limits.SectionText;
            if (fits)
            {
                merged[^1]!["text"]!["text"] = SectionText(merged[^1]!) + "\n\n" + SectionText(block);
            }
            else
            {
                merged.Add(block.DeepClone());
            }
        }

        while (merged.Count > Limits.BlocksPerMessage)
        {
            merged.RemoveAt(Limits.BlocksPerMessage - 2);
        }

        return merged;
    }

    private void Section(string mrkdwn)
    {
        foreach (var chunk in Chunks(mrkdwn, Limits.SectionText))
        {
            _blocks.Add(new JObject { ["type"] = "section", ["text"] = new JObject { ["type"] = "mrkdwn", ["text"] = chunk } });
        }
    }

    /// <summary>Code longer than one section is split at line ends, each part fenced on its own.</summary>
    private void CodeSection(string code)
    {
        var part = new StringBuilder();
        foreach (var line in code.TrimEnd('\n').Split('\n'))
        {
            if (part.Length > 0 && SlackMrkdwn.Code(part + "\n" + line).Length > Limits.SectionText)
            {
                Section(SlackMrkdwn.Code(part.ToString()));
                part.Clear();
            }

            part.Append(part.Length > 0 ? "\n" : "").Append(line);
        }

        Section(SlackMrkdwn.Code(part.ToString()));
    }

    private static string Row(IReadOnlyList<string> header, IReadOnlyList<string> row)
    {
        var rest = Enumerable.Range(1, row.Count - 1)
            .Where(c => row[c].Length > 0)
            .Select(c => $"{SlackMrkdwn.Escape(MarkdownInline.Plain(header[c]))}: {SlackMrkdwn.Inline(row[c])}");
        var first = MarkdownInline.Plain(row[0]);
        return $"• *{SlackMrkdwn.Escape(first)}* — " + string.Join(" · ", rest);
    }

    private static JObject Button(CardButton button, int index)
    {
        var json = new JObject
        {
            ["type"] = "button",
            ["text"] = new JObject { ["type"] = "plain_text", ["text"] = Cut(button.Label, Limits.ButtonText), ["emoji"] = false },
            ["action_id"] = Cut($"{button.Action.Verb}-{index}", Limits.ActionId),
            // CardActionReader reads this JSON back from channelData.Payload.actions[0].value.
            ["value"] = new JObject { ["verb"] = button.Action.Verb, ["argument"] = button.Action.Argument }.ToString(Newtonsoft.Json.Formatting.None),
        };
        if (button.Primary)
        {
            json["style"] = "primary";
        }

        return json;
    }

    private static bool IsSection(JToken block) => block["type"]?.Value<string>() == "section";

    private static string SectionText(JToken block) => block["text"]!["text"]!.Value<string>()!;

    private static IEnumerable<string> Chunks(string text, int max)
    {
        while (text.Length > max)
        {
            var cut = text.LastIndexOf('\n', max - 1);
            cut = cut <= 0 ? text.LastIndexOf(' ', max - 1) : cut;
            cut = cut <= 0 ? max : cut;
            yield return text[..cut];
            text = text[cut..].TrimStart('\n', ' ');
        }

        yield return text;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
