using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Turns;

/// <summary>
/// Reads a shown quiz card the way a learner does: the options are listed in the card body as "N. text" and the
/// buttons carry only the numbers.
/// </summary>
internal static class QuizCardReader
{
    public static int CorrectAsShown(QuizQuestion source, TurnResult shown)
    {
        var right = source.Options[source.CorrectIndex];
        var position = Order(shown).ToList().IndexOf(right) + 1;
        var button = Card(shown).Buttons.Single(b => b.Label == position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return int.Parse(button.Action.Argument!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The option texts in the order the card shows them.</summary>
    public static IReadOnlyList<string> Order(TurnResult shown) =>
        Card(shown).Sections[1].Text!.Split('\n')
            .Select(line => line[(line.IndexOf(". ", StringComparison.Ordinal) + 2)..])
            .ToArray();

    private static TutorCard Card(TurnResult shown) => shown.Cards.Single(c => c.Kind == "quiz");
}
