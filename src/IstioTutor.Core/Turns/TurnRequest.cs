namespace IstioTutor.Core.Turns;

/// <summary>
/// One learner message, whichever door it came through.
/// <paramref name="ChannelUserId"/> is the door's own user id (Teams AAD id, Slack user, web cookie,
/// terminal learner id); the pipeline resolves it to a learner. <paramref name="IdentityVerified"/> says the
/// door proved that id (a validated Bot Framework token, a session secret the host issued); roles named in
/// configuration (<c>Tutor:Admins</c>, <c>Tutor:Mentors</c>) apply only then. Terminal identities are the OS
/// account running istiotutor, which can read the data file anyway, so they always count as verified.
/// <paramref name="LearnerId"/> is set only by a door that authenticated a stored learner itself (MCP: the
/// terminal learner over stdio, a per-learner bearer token over HTTP); the pipeline then acts as that learner
/// and never creates one. <paramref name="ModelInitiated"/> marks a turn a model started (an MCP tool call):
/// the guard audits it so and refuses it consent (confirmation) on the learner's behalf.
/// </summary>
public sealed record TurnRequest(
    Door Door,
    string ChannelUserId,
    string ConversationId,
    string Text,
    string? DisplayName = null,
    CardAction? Action = null,
    Stage? RequestedStage = null,
    bool IdentityVerified = false,
    bool ModelInitiated = false,
    string? LearnerId = null)
{
    /// <summary>Whether the door proved <see cref="ChannelUserId"/>: the flag, or the terminal door.</summary>
    public bool IsVerified => IdentityVerified || Door == Door.Terminal;
}
