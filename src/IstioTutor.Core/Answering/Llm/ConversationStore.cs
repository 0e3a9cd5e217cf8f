using IstioTutor.Core.Progress.Storage;
using LiteDB;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Conversation history per (learner, conversation) in the tutor's LiteDB file, so a follow-up question
/// still has its context after a restart. Only the learner's questions and the tutor's final answers are
/// kept (not the curriculum sections or tool results, which are fetched afresh each turn).
/// </summary>
public sealed class ConversationStore
{
    public const string Collection = "llm_history";

    /// <summary>Messages kept per conversation; older ones are deleted as new ones arrive.</summary>
    public const int MaxStoredMessages = 40;

    private readonly ILiteCollection<ConversationDocument> _messages;

    public ConversationStore(TutorDatabase database)
    {
        _messages = database.Database.GetCollection<ConversationDocument>(Collection);
        _messages.EnsureIndex(d => d.Key);
    }

    public void Append(string learnerId, string conversationId, ConversationMessage message)
    {
        var key = Key(learnerId, conversationId);
        _messages.Insert(new ConversationDocument { Key = key, Role = message.Role, Text = message.Text, At = message.At.UtcDateTime });
        var stale = _messages.Query().Where(d => d.Key == key).OrderByDescending(d => d.Id).Select(d => d.Id).Offset(MaxStoredMessages).ToList();
        foreach (var id in stale)
        {
            _messages.Delete(id);
        }
    }

    /// <summary>
    /// The most recent messages, oldest first, whose estimated tokens add up to at most <paramref name="budgetTokens"/>.
    /// A message that would overflow the budget ends the history there, so it is never cut mid-way.
    /// </summary>
    public IReadOnlyList<ConversationMessage> Recent(string learnerId, string conversationId, int budgetTokens, Func<string, string>? transform = null)
    {
        var key = Key(learnerId, conversationId);
        var newestFirst = _messages.Query().Where(d => d.Key == key).OrderByDescending(d => d.Id).Limit(MaxStoredMessages).ToList();
        var kept = new List<ConversationMessage>();
        var used = 0;
        foreach (var d in newestFirst)
        {
            var text = transform is null ? d.Text : transform(d.Text);
            var cost = TokenEstimator.Message(text);
            if (used + cost > budgetTokens)
            {
                break;
            }

            used += cost;
            kept.Add(new ConversationMessage(d.Role, text, new DateTimeOffset(DateTime.SpecifyKind(d.At, DateTimeKind.Utc))));
        }

        kept.Reverse();
        return kept;
    }

    private static string Key(string learnerId, string conversationId) => learnerId + "\n" + conversationId;
}
