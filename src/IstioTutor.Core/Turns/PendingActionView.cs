namespace IstioTutor.Core.Turns;

/// <summary>
/// A change waiting for the learner's confirmation, as doors show it (Adaptive Card, Slack blocks, HTML).
/// The authoritative pending action lives in the guard; this is only its picture.
/// </summary>
public sealed record PendingActionView(
    string Id,
    string Summary,
    string Diff,
    IReadOnlyList<string> Findings,
    string? Prediction,
    DateTimeOffset ExpiresAt);
