namespace IstioTutor.Core.Turns;

/// <summary>
/// One learner message, whichever door it came through.
/// <paramref name="ChannelUserId"/> is the door's own user id (Teams AAD id, Slack user, web cookie,
/// terminal learner id); the pipeline resolves it to a learner.
/// </summary>
public sealed record TurnRequest(
    Door Door,
    string ChannelUserId,
    string ConversationId,
    string Text,
    string? DisplayName = null,
    CardAction? Action = null,
    Stage? RequestedStage = null);
