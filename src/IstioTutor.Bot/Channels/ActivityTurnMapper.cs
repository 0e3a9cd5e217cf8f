using System.Text.RegularExpressions;
using IstioTutor.Core.Turns;
using Microsoft.Bot.Schema;

namespace IstioTutor.Bot.Channels;

/// <summary>Turns a Bot Framework message activity into the door-neutral <see cref="TurnRequest"/>.</summary>
internal static partial class ActivityTurnMapper
{
    /// <summary>
    /// The request, or null with <paramref name="error"/> set when the activity cannot be a turn (no user,
    /// no conversation, unreadable button data). Nothing runs for a refused activity.
    /// </summary>
    /// <param name="identityVerified">The adapter validated the request's Bot Framework token, so the channel vouches for from.id.</param>
    public static TurnRequest? Map(IMessageActivity activity, bool identityVerified, out string? error)
    {
        error = null;
        var door = ChannelDoors.FromChannelId(activity.ChannelId);
        if (string.IsNullOrWhiteSpace(activity.From?.Id) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            error = "the activity has no from.id or conversation.id, so it cannot be linked to a learner";
            return null;
        }

        var action = CardActionReader.Read(activity.Value, activity.ChannelData, out string? actionError);
        if (actionError is not null)
        {
            error = actionError;
            return null;
        }

        return new TurnRequest(
            door,
            activity.From.Id,
            BoundedConversationId(activity.Conversation.Id),
            action is null ? CleanText(activity, door) : "",
            string.IsNullOrWhiteSpace(activity.From.Name) ? null : activity.From.Name,
            action,
            IdentityVerified: identityVerified);
    }

    /// <summary>
    /// Channel conversation ids are short; a longer one is replaced by its hash, so it stays one stable key
    /// within the store's index limits whatever a caller sends.
    /// </summary>
    private static string BoundedConversationId(string id) =>
        id.Length <= MaxConversationIdLength
            ? id
            : "sha256-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));

    private const int MaxConversationIdLength = 256;

    private static string CleanText(IMessageActivity activity, Door door)
    {
        // In channels the bot is addressed by @-mention; the mention is not part of the question.
        var text = door == Door.Teams ? activity.RemoveRecipientMention() ?? "" : activity.Text ?? "";
        if (door == Door.Slack)
        {
            text = SlackMention().Replace(text, "").Trim();
            // Slack keeps messages that start with '/' for its own slash commands, so "!help" stands for "/help".
            if (SlackCommand().IsMatch(text))
            {
                text = "/" + text[1..];
            }
        }

        return text.Trim();
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+>\s*")]
    private static partial Regex SlackMention();

    [GeneratedRegex("^![a-z]")]
    private static partial Regex SlackCommand();
}
