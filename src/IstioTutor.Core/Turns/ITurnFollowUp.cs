namespace IstioTutor.Core.Turns;

/// <summary>
/// Runs after every turn, whichever command or answer produced it, and may add to the reply — e.g. the
/// stage promotion a quiz or lab check earned is announced in the reply that caused it.
/// </summary>
public interface ITurnFollowUp
{
    /// <param name="turnStarted">When the turn began; work recorded since then belongs to this turn.</param>
    Task<TurnResult> AfterTurnAsync(TurnRequest request, TurnResult result, DateTimeOffset turnStarted, CancellationToken cancellationToken);
}
