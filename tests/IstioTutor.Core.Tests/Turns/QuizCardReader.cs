using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Turns;

/// <summary>Reads a shown quiz card the way a learner does: which numbered button carries the right answer.</summary>
internal static class QuizCardReader
{
    public static int CorrectAsShown(QuizQuestion source, TurnResult shown)
    {
        var card = shown.Cards.Single(c => c.Kind == "quiz");
        var right = source.Options[source.CorrectIndex];
        var button = card.Buttons.Single(b => b.Label.EndsWith(". " + right, StringComparison.Ordinal));
        return int.Parse(button.Action.Argument!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The option texts in the order the card shows them.</summary>
    public static IReadOnlyList<string> Order(TurnResult shown) =>
        shown.Cards.Single(c => c.Kind == "quiz").Buttons.Select(b => b.Label[(b.Label.IndexOf(". ", StringComparison.Ordinal) + 2)..]).ToArray();
}
