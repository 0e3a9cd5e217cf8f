namespace IstioTutor.Core.Turns;

/// <summary>
/// One learner message, whichever door it came through.
/// <paramref name="ChannelUserId"/> is the door's own user id (Teams AAD id, Slack user, web cookie,
/// terminal learner id); the pipeline resolves it to a learner. <paramref name="IdentityVerified"/> says the
/// door proved that id (a validated Bot Framework token, a session secret the host issued); roles named in
/// configuration (<c>Tutor:Admins</c>, <c>Tutor:Mentors</c>) apply only then. Terminal identities are the OS
/// account running istiotutor, which can read the data file anyway, so they always count as verified.
/// </summary>
public sealed record TurnRequest(
    Door Door,
    string ChannelUserId,
    string ConversationId,
    string Text,
    string? DisplayName = null,
    CardAction? Action = null,
    Stage? RequestedStage = null,
    bool IdentityVerified = false)
{
    /// <summary>Whether the door proved <see cref="ChannelUserId"/>: the flag, or the terminal door.</summary>
    public bool IsVerified => IdentityVerified || Door == Door.Terminal;
}
