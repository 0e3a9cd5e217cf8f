using System.Text;
using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Turns;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// A turn result as a Slack message through Azure Bot Service's Slack channel: Block Kit blocks in
/// <c>channelData</c> (which the channel posts to Slack as they are), with <c>text</c> as the short
/// notification line. <c>textFormat</c> is plain so the channel never converts the text itself (it turns
/// Markdown bold into Slack italics and breaks backticks).
/// </summary>
internal static class SlackReply
{
    private const int NotificationChars = 300;

    public static IMessageActivity From(TurnResult result, SlackCommands commands)
    {
        var cards = ReplyCards.For(result);
        var (before, after) = ReplyText.Around(result, cards);
        var blocks = new SlackBlockKit(commands);
        blocks.Markdown(before);
        foreach (var card in cards)
        {
            blocks.Card(card, result.Lang);
        }

        blocks.Markdown(after);
        // A lesson card names its lesson already; an answer lists the sections it rests on.
        if (result.Citations.Count > 0 && before is not null)
        {
            blocks.Context($"*{CitationText.Heading(result.Lang)}:* "
                + string.Join(" · ", result.Citations.Select(c => SlackMrkdwn.Escape(CitationText.Format(c)))));
        }

        var notification = Notification(before, cards, commands);
        var reply = Activity.CreateMessageActivity();
        reply.Text = notification;
        reply.TextFormat = TextFormatTypes.Plain;
        reply.ChannelData = new JObject { ["text"] = notification, ["blocks"] = blocks.Build() };
        return reply;
    }

    /// <summary>The line Slack shows in notifications and where blocks cannot be shown: the first statement or card title.</summary>
    private static string Notification(string? before, IReadOnlyList<TutorCard> cards, SlackCommands commands)
    {
        var parsed = MarkdownBlocks.Parse(before is null ? null : commands.Spell(before));
        var first = (parsed.Count > 0 ? parsed[0] : null) switch
        {
            MarkdownParagraph p => MarkdownInline.Plain(p.Lines[0]),
            MarkdownHeading h => MarkdownInline.Plain(h.Text),
            MarkdownList l => MarkdownInline.Plain(l.Items[0].Text),
            _ => null,
        };
        var line = new StringBuilder(first ?? (cards.Count > 0 ? cards[0].Title : ""));
        if (line.Length > NotificationChars)
        {
            line.Length = NotificationChars - 1;
            line.Append('…');
        }

        return SlackMrkdwn.Escape(line.ToString());
    }
}
