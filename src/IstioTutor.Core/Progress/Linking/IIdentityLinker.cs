namespace IstioTutor.Core.Progress.Linking;

/// <summary>
/// Joins one person's door identities (Teams, Slack, web, terminal) into one learner with one-time
/// codes: issue a code on the door to keep, redeem it on the other.
/// </summary>
public interface IIdentityLinker
{
    LinkCode Issue(string learnerId);

    /// <summary>
    /// Moves every identity, event and cohort membership of <paramref name="redeemingLearnerId"/> to the
    /// code's learner and removes the redeeming learner. The code works once.
    /// </summary>
    LinkOutcome Redeem(string code, string redeemingLearnerId);
}
