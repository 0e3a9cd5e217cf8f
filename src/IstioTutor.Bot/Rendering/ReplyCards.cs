using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Rendering;

/// <summary>
/// The cards a door shows for a turn: the turn's own cards, plus a Confirm/Cancel card for a pending
/// action and a result card for a lab check when no card already shows them. Every door renders this
/// same list, so a preview gets buttons in Teams, Slack and the web page alike.
/// </summary>
internal static class ReplyCards
{
    public const string ConfirmVerb = "confirm";
    public const string CancelVerb = "cancel";

    public static IReadOnlyList<TutorCard> For(TurnResult result)
    {
        var cards = result.Cards.ToList();
        var ko = result.Lang == "ko";
        if (result.PendingAction is { } pending && !cards.Any(c => c.Buttons.Any(b => b.Action.Argument == pending.Id)))
        {
            cards.Add(PendingCard(pending, ko));
        }

        if (result.Check is { } check && !cards.Any(c => c.Kind == "lab-check"))
        {
            cards.Add(CheckCard(check, ko));
        }

        return cards;
    }

    private static TutorCard PendingCard(PendingActionView pending, bool ko)
    {
        var sections = new List<CardSection>
        {
            new(ko ? "변경 내용" : "Changes", null, pending.Diff, "diff"),
        };
        if (pending.Findings.Count > 0)
        {
            sections.Add(new CardSection(ko ? "검증 결과" : "Findings", string.Join("\n", pending.Findings.Select(f => "• " + f))));
        }

        if (!string.IsNullOrWhiteSpace(pending.Prediction))
        {
            sections.Add(new CardSection(ko ? "시뮬레이터 예측" : "Simulator prediction", pending.Prediction));
        }

        sections.Add(new CardSection(null, ko
            ? $"{pending.ExpiresAt:yyyy-MM-dd HH:mm} UTC 까지 확인하지 않으면 취소됩니다. /confirm {pending.Id} 또는 /cancel {pending.Id} 로도 답할 수 있습니다."
            : $"Expires at {pending.ExpiresAt:yyyy-MM-dd HH:mm} UTC. You can also type /confirm {pending.Id} or /cancel {pending.Id}."));
        return new TutorCard(
            "apply-preview",
            pending.Summary,
            sections,
            [
                new CardButton(ko ? "적용" : "Confirm", new CardAction(ConfirmVerb, pending.Id), Primary: true),
                new CardButton(ko ? "취소" : "Cancel", new CardAction(CancelVerb, pending.Id)),
            ]);
    }

    private static TutorCard CheckCard(CheckResult check, bool ko)
    {
        var title = check.Passed
            ? (ko ? $"실습 {check.Lab}: 통과" : $"Lab {check.Lab}: passed")
            : (ko ? $"실습 {check.Lab}: 아직 통과하지 못함" : $"Lab {check.Lab}: not passed yet");
        var lines = check.Findings.Select(f => (f.Ok ? "✔ " : "✘ ") + f.Message + (f.Hint is { Length: > 0 } h ? $" — {h}" : ""));
        return new TutorCard("lab-check", title, [new CardSection(null, string.Join("\n", lines))], []);
    }
}
