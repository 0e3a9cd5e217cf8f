using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Tests.Rendering;

/// <summary>The card list every door draws, for results that carry no card of their own.</summary>
public sealed class ReplyCardsTests
{
    [Fact]
    public void Pending_action_without_a_card_gets_a_card_with_confirm_and_cancel_for_its_id()
    {
        var result = new TurnResult
        {
            Text = "Preview ready.",
            Stage = Stage.Beginner,
            PendingAction = new PendingActionView("pa-7", "Apply VirtualService reviews", "+ weight: 90", ["VS-001 ok"], "90% of requests reach v1", DateTimeOffset.UnixEpoch.AddYears(60)),
        };

        var card = Assert.Single(ReplyCards.For(result));

        Assert.Equal([("confirm", "pa-7"), ("cancel", "pa-7")], card.Buttons.Select(b => (b.Action.Verb, b.Action.Argument)));
        Assert.Contains(card.Sections, s => s.Code == "+ weight: 90");
    }

    [Fact]
    public void Lab_check_without_a_card_gets_a_result_card_listing_its_findings()
    {
        var result = new TurnResult
        {
            Text = "Checked.",
            Stage = Stage.Intermediate,
            Check = new CheckResult("request-routing", false, [new CheckFinding("jason reached v1", "Put the jason rule first.")]),
        };

        var card = Assert.Single(ReplyCards.For(result));

        Assert.Equal("lab-check", card.Kind);
        Assert.Contains("jason reached v1", string.Join("\n", card.Sections.Select(s => s.Text)), StringComparison.Ordinal);
    }
}
