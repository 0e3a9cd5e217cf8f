using System.Text;
using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Turns;
using Microsoft.Bot.Schema;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// A turn result as a Teams (and Emulator) message: markdown text with its sources, and each card as an
/// Adaptive Card attachment whose buttons submit the card action.
/// </summary>
internal static class TeamsReply
{
    public static IMessageActivity From(TurnResult result)
    {
        var cards = ReplyCards.For(result);
        // The card carries the preview's diff and analysis; the message keeps what changes and how to confirm.
        var (before, after) = ReplyText.Around(result, cards);
        var text = new StringBuilder(before);
        if (after is not null)
        {
            text.Append("\n\n").Append(after);
        }

        if (result.Citations.Count > 0)
        {
            text.Append("\n\n**").Append(CitationText.Heading(result.Lang)).Append("**\n");
            foreach (var citation in result.Citations)
            {
                text.Append("\n- ").Append(CitationText.Format(citation));
            }
        }

        var reply = Activity.CreateMessageActivity();
        reply.Text = text.ToString();
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.Attachments = cards
            .Select(card => new Attachment { ContentType = AdaptiveCardJson.ContentType, Content = AdaptiveCardJson.From(card) })
            .ToList();
        return reply;
    }
}
