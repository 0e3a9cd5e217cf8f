using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Rendering;

/// <summary>
/// The text a door shows beside its cards. A tools preview's text spells out the diff and analysis that its
/// card already shows, so next to that card only its first line (what changes) and last line (how to
/// confirm) are kept; any other text is shown whole.
/// </summary>
internal static class ReplyText
{
    public static (string Before, string? After) Around(TurnResult result, IReadOnlyList<TutorCard> cards)
    {
        var text = result.Text.Trim();
        var lines = text.Split('\n');
        var repeatsCard = result.PendingAction is { } pending
            && lines.Length > 2
            && text.Contains("```diff", StringComparison.Ordinal)
            && cards.Any(c => c.Buttons.Any(b => b.Action.Argument == pending.Id));
        return repeatsCard ? (lines[0].TrimEnd(), lines[^1].TrimEnd()) : (text, null);
    }
}
