using System.Text;
using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Turns;
using Microsoft.Bot.Schema;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// A turn result as a Teams (and Emulator) message. Message text carries only what Teams renders in a
/// message (paragraphs, lists, bold, links, the Sources list); text with code or tables goes into an
/// Adaptive Card instead, and every card is an Adaptive Card attachment whose buttons submit the card action.
/// </summary>
internal static class TeamsReply
{
    public static IMessageActivity From(TurnResult result)
    {
        var cards = ReplyCards.For(result).ToList();
        var (before, after) = ReplyText.Around(result, cards);
        var text = new StringBuilder();
        foreach (var part in new[] { before, after })
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            var blocks = MarkdownBlocks.Parse(part);
            if (blocks.Any(b => b is MarkdownCode or MarkdownTable))
            {
                // Teams messages show neither tables nor reliable code fences; a card shows both.
                cards.Insert(part == before ? 0 : cards.Count, new TutorCard("answer", FirstLine(blocks, result.Lang), [new CardSection(null, WithoutFirstHeading(part))], []));
                continue;
            }

            AppendMessageMarkdown(text, blocks);
        }

        // A lesson card names its lesson already; an answer lists the sections it rests on.
        if (result.Citations.Count > 0 && before is not null)
        {
            text.Append("\n\n**").Append(CitationText.Heading(result.Lang)).Append("**\n");
            foreach (var citation in result.Citations)
            {
                text.Append("\n- ").Append(CitationText.Format(citation));
            }
        }

        var reply = Activity.CreateMessageActivity();
        reply.Text = text.ToString().Trim();
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.Attachments = cards
            .Select(card => new Attachment { ContentType = AdaptiveCardJson.ContentType, Content = AdaptiveCardJson.From(card) })
            .ToList();
        return reply;
    }

    /// <summary>Markdown Teams renders in a message: headings become bold lines, each kept line its own paragraph.</summary>
    private static void AppendMessageMarkdown(StringBuilder text, IReadOnlyList<MarkdownBlock> blocks)
    {
        foreach (var block in blocks)
        {
            text.Append(text.Length > 0 ? "\n\n" : "");
            switch (block)
            {
                case MarkdownHeading heading:
                    text.Append("**").Append(MarkdownInline.Plain(heading.Text)).Append("**");
                    break;
                case MarkdownParagraph paragraph:
                    // A fence mentioned inside a line (a usage such as "/apply ```yaml …```") is inline code here.
                    text.AppendJoin("\n\n", paragraph.Lines.Select(l => l.Replace("```", "`", StringComparison.Ordinal)));
                    break;
                case MarkdownList list:
                    text.AppendJoin("\n", list.Items.Select(i => (i.Depth > 0 ? "  " : "") + (i.Marker == "•" ? "- " : i.Marker + " ") + i.Text));
                    break;
            }
        }
    }

    private static string FirstLine(IReadOnlyList<MarkdownBlock> blocks, string lang) => (blocks.Count > 0 ? blocks[0] : null) switch
    {
        MarkdownHeading h => MarkdownInline.Plain(h.Text),
        _ => lang == "ko" ? "답변" : "Answer",
    };

    private static string WithoutFirstHeading(string markdown)
    {
        var trimmed = markdown.TrimStart();
        return trimmed.StartsWith('#') ? trimmed[(trimmed.IndexOf('\n') is var nl && nl < 0 ? trimmed.Length : nl)..] : markdown;
    }
}
