using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Channels.Rendering;

/// <summary>
/// Every Slack reply the tutor sends (the same turns as the Teams card tests, through the real host) checked
/// against Block Kit's documented limits and Slack's mrkdwn rules.
/// </summary>
[Collection("channel-cards")]
public sealed partial class SlackBlockKitTests(ChannelRepliesFixture replies)
{
    private IEnumerable<ChannelReply> Slack => replies.Slack;

    [Fact]
    public void Every_slack_reply_carries_block_kit_in_channel_data_with_plain_text_format()
    {
        Assert.True(Slack.Count() > 500);
        foreach (var reply in Slack)
        {
            Assert.Equal("plain", reply.Reply.Body["textFormat"]?.GetValue<string>());
            Assert.NotEmpty(Blocks(reply));
            Assert.False(string.IsNullOrWhiteSpace(reply.Reply.Body["channelData"]!["text"]!.GetValue<string>()), reply.Label);
        }
    }

    [Fact]
    public void Every_slack_reply_stays_within_block_kit_limits()
    {
        var problems = new List<string>();
        foreach (var reply in Slack)
        {
            var blocks = Blocks(reply);
            Check(blocks.Count <= 50, reply, $"{blocks.Count} blocks", problems);
            foreach (var block in blocks.Select(b => b!))
            {
                var type = block["type"]!.GetValue<string>();
                switch (type)
                {
                    case "section":
                        Check(Text(block["text"]!).Length is > 0 and <= 3000, reply, $"section of {Text(block["text"]!).Length} chars", problems);
                        break;
                    case "header":
                        Check(block["text"]!["type"]!.GetValue<string>() == "plain_text" && Text(block["text"]!).Length <= 150, reply, "header", problems);
                        break;
                    case "context":
                        var elements = block["elements"]!.AsArray();
                        Check(elements.Count is > 0 and <= 10 && elements.All(e => Text(e!).Length <= 3000), reply, "context", problems);
                        break;
                    case "actions":
                        var buttons = block["elements"]!.AsArray().Select(e => e!).ToArray();
                        Check(buttons.Length is > 0 and <= 25, reply, $"{buttons.Length} actions", problems);
                        foreach (var button in buttons)
                        {
                            Check(button["type"]!.GetValue<string>() == "button", reply, "action type", problems);
                            Check(Text(button["text"]!).Length <= 75 && button["text"]!["type"]!.GetValue<string>() == "plain_text", reply, "button text", problems);
                            Check(button["value"]!.GetValue<string>().Length <= 2000 && button["action_id"]!.GetValue<string>().Length <= 255, reply, "button value", problems);
                        }

                        Check(buttons.Select(b => b["action_id"]!.GetValue<string>()).Distinct().Count() == buttons.Length, reply, "duplicate action_id", problems);
                        break;
                    default:
                        problems.Add($"{reply.Lang} {reply.Label}: unexpected block type {type}");
                        break;
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public void No_slack_reply_spells_a_command_with_a_slash()
    {
        var names = replies.App.Services.GetRequiredService<CommandRegistry>().All.Select(c => Regex.Escape(c.Name));
        var slashCommand = new Regex(@"(^|[\s(`""'“:,])/(" + string.Join("|", names) + @")\b(?![/.]\w)", RegexOptions.Multiline);

        var found = Slack
            .SelectMany(r => AllTexts(r).Where(t => slashCommand.IsMatch(t)).Select(t => $"{r.Lang} {r.Label}: …{slashCommand.Match(t).Value}…"))
            .ToArray();

        Assert.True(found.Length == 0, string.Join("\n", found.Take(20)));
    }

    [Fact]
    public void Slack_help_lists_every_command_with_an_exclamation_mark()
    {
        var help = Slack.Where(r => r.Kind == "help").ToArray();
        var registry = replies.App.Services.GetRequiredService<CommandRegistry>();

        Assert.Equal(2, help.Length);
        foreach (var reply in help)
        {
            var text = string.Join("\n", AllTexts(reply));
            Assert.All(registry.All, c => Assert.Contains("!" + c.Name, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void No_slack_reply_carries_raw_markdown()
    {
        var raw = new Regex(@"\*\*|\|\s*-{3,}|^#{1,6} |\]\(https?://|```[a-z]+\n", RegexOptions.Multiline);

        var found = Slack.SelectMany(r => AllTexts(r).Where(t => raw.IsMatch(t)).Select(t => $"{r.Lang} {r.Label}: …{raw.Match(t).Value}…")).ToArray();

        Assert.True(found.Length == 0, string.Join("\n", found.Take(20)));
    }

    [Fact]
    public void Every_angle_bracket_and_ampersand_in_slack_text_is_escaped()
    {
        var unescaped = new Regex(@"[<>]|&(?!(amp|lt|gt);)");

        var found = Slack.SelectMany(r => MrkdwnTexts(r).Where(t => unescaped.IsMatch(StripLinks(t))).Select(t => $"{r.Lang} {r.Label}: {Around(t, unescaped.Match(StripLinks(t)).Index)}")).ToArray();

        Assert.True(found.Length == 0, string.Join("\n", found.Take(20)));
    }

    [Fact]
    public void Angle_brackets_inside_code_survive_as_escapes()
    {
        var texts = Slack.Where(r => r.Lang == "ko" && r.Label.StartsWith("authorization-policy page", StringComparison.Ordinal)).SelectMany(MrkdwnTexts);

        Assert.Contains(texts, t => t.Contains("`&lt;trust-domain&gt;/ns/&lt;namespace&gt;/sa/&lt;service-account&gt;`", StringComparison.Ordinal));
    }

    [Fact]
    public void Bold_and_code_next_to_hangul_are_spaced_so_slack_renders_them()
    {
        var korean = Slack.Where(r => r.Lang == "ko").ToArray();

        // Pairs markers left to right as Slack does, then looks at the character on each outer side.
        var found = new List<string>();
        foreach (var (reply, text) in korean.SelectMany(r => MrkdwnTexts(r).Select(t => (r, WithoutCodeBlocks(t)))))
        {
            foreach (Match code in InlineCodeSpan().Matches(text))
            {
                CheckSides(text, code, reply, found);
            }

            var withoutCode = InlineCodeSpan().Replace(text, m => new string('§', m.Length));
            foreach (Match bold in BoldSpan().Matches(withoutCode))
            {
                CheckSides(withoutCode, bold, reply, found);
            }
        }

        Assert.Contains(korean.SelectMany(MrkdwnTexts), t => Regex.IsMatch(t, @"\*[\uAC00-\uD7A3]+\* [\uAC00-\uD7A3]"));
        Assert.True(found.Count == 0, string.Join("\n", found.Take(20)));
    }

    private static void CheckSides(string text, Match span, ChannelReply reply, List<string> found)
    {
        static bool Hangul(char c) => c is >= '\uAC00' and <= '\uD7A3';
        var before = span.Index > 0 && Hangul(text[span.Index - 1]);
        var after = span.Index + span.Length < text.Length && Hangul(text[span.Index + span.Length]);
        if (before || after)
        {
            found.Add($"{reply.Label}: {Around(text, span.Index)}");
        }
    }

    [Fact]
    public void Lessons_in_slack_are_paged_by_section_with_next_and_previous_buttons()
    {
        var lessons = Slack.Where(r => r.Kind == "lesson").ToArray();

        var longest = lessons.Max(r => MrkdwnTexts(r).Sum(t => t.Length));
        Assert.True(longest <= 9000, $"the longest lesson message has {longest} characters");
        var middle = lessons.First(r => r.Label.EndsWith("page 2", StringComparison.Ordinal));
        var values = Blocks(middle).Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => JsonNode.Parse(e!["value"]!.GetValue<string>())!["verb"]!.GetValue<string>() + " " + JsonNode.Parse(e!["value"]!.GetValue<string>())!["argument"]?.GetValue<string>()).ToArray();
        var id = middle.Label.Split(' ')[0];
        Assert.Contains($"lesson {id} 1", values);
        Assert.Contains(values, v => v == $"lesson {id} 3" || v.StartsWith("quiz", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_reach_slack_as_rows_not_pipes()
    {
        var withTables = Slack.Where(r => r.Kind == "lesson").SelectMany(MrkdwnTexts).Where(t => t.StartsWith("• *", StringComparison.Ordinal) && t.Contains(" — ", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(withTables);
        Assert.DoesNotContain(Slack.SelectMany(MrkdwnTexts), t => Regex.IsMatch(t, @"^\|.*\|$", RegexOptions.Multiline) && !t.StartsWith("```", StringComparison.Ordinal));
    }

    private static void Check(bool ok, ChannelReply reply, string what, List<string> problems)
    {
        if (!ok)
        {
            problems.Add($"{reply.Lang} {reply.Label}: {what}");
        }
    }

    internal static JsonArray Blocks(ChannelReply reply) => reply.Reply.Body["channelData"]?["blocks"] as JsonArray ?? [];

    private static string Text(JsonNode textObject) => textObject["text"]!.GetValue<string>();

    /// <summary>Every mrkdwn string Slack will format: section and context texts and the notification text.</summary>
    private static IEnumerable<string> MrkdwnTexts(ChannelReply reply)
    {
        yield return reply.Reply.Body["channelData"]!["text"]!.GetValue<string>();
        foreach (var block in Blocks(reply).Select(b => b!))
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "section":
                    yield return Text(block["text"]!);
                    break;
                case "context":
                    foreach (var e in block["elements"]!.AsArray())
                    {
                        yield return Text(e!);
                    }

                    break;
            }
        }
    }

    /// <summary>Every string a Slack learner can read in the reply, buttons and headers included.</summary>
    private static IEnumerable<string> AllTexts(ChannelReply reply) =>
        MrkdwnTexts(reply)
            .Append(reply.Reply.Text)
            .Concat(Blocks(reply).Select(b => b!).Where(b => b["type"]!.GetValue<string>() == "header").Select(b => Text(b["text"]!)))
            .Concat(Blocks(reply).Select(b => b!).Where(b => b["type"]!.GetValue<string>() == "actions").SelectMany(b => b["elements"]!.AsArray()).Select(e => Text(e!["text"]!)));

    private static string StripLinks(string text) => LinkPattern().Replace(text, "L");

    private static string WithoutCodeBlocks(string text) => Regex.Replace(text, "```.*?```", "", RegexOptions.Singleline);

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 30), Math.Min(60, text.Length - Math.Max(0, index - 30)));

    [GeneratedRegex("`[^`\n]+`")]
    private static partial Regex InlineCodeSpan();

    [GeneratedRegex(@"\*[^*\n]+\*")]
    private static partial Regex BoldSpan();

    [GeneratedRegex(@"<https?://[^|>\s]+\|[^<>]*>")]
    private static partial Regex LinkPattern();
}
