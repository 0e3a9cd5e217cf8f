using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>
/// Narrow chat commands registered only in the test host to drive the card flow the way /apply will:
/// /trial returns a card with Confirm/Cancel buttons, /trial-confirm records the press,
/// /trial-pending returns only a pending action (no card) for the doors to draw buttons for.
/// </summary>
internal sealed class TrialCommand : ITurnCommand
{
    public string Name => "trial";

    public string Usage => "/trial";

    public string Summary(string lang) => "test card";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var id = "p-" + context.Request.ConversationId.GetHashCode().ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var card = new TutorCard(
            "trial",
            "Trial change",
            [
                new CardSection("What changes", "Routes **90%** to v1."),
                new CardSection(null, null, "apiVersion: networking.istio.io/v1\nkind: VirtualService\n- weight: 90", "yaml"),
            ],
            [
                new CardButton("Confirm", new CardAction("trial-confirm", id), Primary: true),
                new CardButton("Cancel", new CardAction("trial-cancel", id)),
            ]);
        return Task.FromResult(context.Reply("Here is the preview.") with { Cards = [card] });
    }
}

internal sealed class TrialConfirmCommand(TrialLog log) : ITurnCommand
{
    public string Name => "trial-confirm";

    public string Usage => "/trial-confirm ID";

    public string Summary(string lang) => "test confirm";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        log.Confirmed.Enqueue((context.Learner.Id, arguments));
        return Task.FromResult(context.Reply($"Applied {arguments}."));
    }
}

internal sealed class TrialPendingCommand : ITurnCommand
{
    public string Name => "trial-pending";

    public string Usage => "/trial-pending";

    public string Summary(string lang) => "test pending action";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(context.Reply("Preview ready.") with
        {
            PendingAction = new PendingActionView("pa-7", "Apply VirtualService reviews", "+ weight: 90", ["VS-001 ok"], "90% of requests reach v1", DateTimeOffset.UnixEpoch.AddYears(60)),
        });
}
