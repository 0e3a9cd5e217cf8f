using System.Text;
using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Turns;
using Microsoft.Bot.Schema;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// A turn result as a Slack message through Azure Bot Service's Slack channel: mrkdwn text with cards
/// written out inline, and each card's buttons as hero-card buttons (the Slack channel turns them into
/// Slack buttons whose press comes back as the command text). Every button is also spelled out as a text
/// command (<c>!confirm ID</c>), because buttons are not shown everywhere Slack shows the message.
/// </summary>
internal static class SlackReply
{
    public static IMessageActivity From(TurnResult result)
    {
        var cards = ReplyCards.For(result);
        var (before, after) = ReplyText.Around(result, cards);
        var text = new StringBuilder(SlackMrkdwn.FromMarkdown(before));
        if (result.Citations.Count > 0)
        {
            text.Append("\n\n_").Append(CitationText.Heading(result.Lang)).Append(":_");
            foreach (var citation in result.Citations)
            {
                text.Append("\n• ").Append(SlackMrkdwn.Escape(CitationText.Format(citation)));
            }
        }

        var reply = Activity.CreateMessageActivity();
        reply.Attachments = [];
        foreach (var card in cards)
        {
            text.Append("\n\n*").Append(SlackMrkdwn.Escape(card.Title)).Append('*');
            foreach (var section in card.Sections)
            {
                if (!string.IsNullOrWhiteSpace(section.Heading))
                {
                    text.Append("\n*").Append(SlackMrkdwn.Escape(section.Heading)).Append('*');
                }

                if (!string.IsNullOrWhiteSpace(section.Text))
                {
                    text.Append('\n').Append(SlackMrkdwn.FromMarkdown(section.Text));
                }

                if (!string.IsNullOrEmpty(section.Code))
                {
                    text.Append("\n```\n").Append(section.Code.TrimEnd('\n')).Append("\n```");
                }
            }

            if (card.Buttons.Count == 0)
            {
                continue;
            }

            // Typed commands start with '!' in Slack, whose message box keeps '/' for its own slash commands.
            var commands = card.Buttons.Select(b => $"`!{CommandText(b.Action)[1..]}`");
            text.Append('\n').Append(result.Lang == "ko" ? "입력해도 됩니다: " : "Or type: ").AppendJoin("  ", commands);
            reply.Attachments.Add(new HeroCard
            {
                Buttons = card.Buttons
                    .Select(b => new Microsoft.Bot.Schema.CardAction(ActionTypes.ImBack, b.Label, value: CommandText(b.Action)))
                    .ToList(),
            }.ToAttachment());
        }

        if (after is not null)
        {
            text.Append("\n\n").Append(SlackMrkdwn.FromMarkdown(after));
        }

        reply.Text = text.ToString();
        return reply;
    }

    /// <summary>The text command a button stands for; the pipeline reads a card action as exactly this.</summary>
    public static string CommandText(Core.Turns.CardAction action) => $"/{action.Verb} {action.Argument}".TrimEnd();
}
