using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Rendering;

/// <summary>
/// The text a card door (Teams, Slack) shows beside its cards, so nothing is sent twice. A lesson, quiz or
/// lab card says everything its turn's text says, so beside it there is no text. A tools preview's text
/// spells out the diff and analysis its card shows, so beside that card only its first line (what changes)
/// and last line (how to confirm) are kept. Any other text is shown whole.
/// </summary>
internal static class ReplyText
{
    /// <summary>Card kinds built from the same content as the turn's text.</summary>
    private static readonly HashSet<string> CarryTheText = new(StringComparer.Ordinal) { "lesson", "quiz", "lab" };

    public static (string? Before, string? After) Around(TurnResult result, IReadOnlyList<TutorCard> cards)
    {
        if (cards.Any(c => CarryTheText.Contains(c.Kind)))
        {
            return (null, null);
        }

        var text = result.Text.Trim();
        var lines = text.Split('\n');
        var repeatsCard = result.PendingAction is { } pending
            && lines.Length > 2
            && text.Contains("```diff", StringComparison.Ordinal)
            && cards.Any(c => c.Buttons.Any(b => b.Action.Argument == pending.Id));
        return repeatsCard ? (lines[0].TrimEnd(), lines[^1].TrimEnd()) : (text, null);
    }
}
