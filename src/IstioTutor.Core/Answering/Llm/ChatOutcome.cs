namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// What came of asking the model: its reply text, or why it gave none (<see cref="Failure"/>, in English
/// for the log; <see cref="FailureKind"/> picks the learner-facing wording).
/// </summary>
public sealed record ChatOutcome(string? Text, ModelFailureKind FailureKind, string? Failure, int Attempts)
{
    public bool Succeeded => Text is not null;

    public static ChatOutcome Answered(string text, int attempts) => new(text, ModelFailureKind.None, null, attempts);
}

public enum ModelFailureKind
{
    None,
    TimedOut,
    Unreachable,
    Refused,
    Empty,
}
