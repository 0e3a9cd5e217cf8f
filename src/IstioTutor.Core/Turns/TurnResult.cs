namespace IstioTutor.Core.Turns;

/// <summary>What one turn produced; every door renders this same shape.</summary>
public sealed record TurnResult
{
    public required string Text { get; init; }
    public bool Grounded { get; init; }
    public required Stage Stage { get; init; }
    /// <summary>"en" or "ko": the language the reply is written in.</summary>
    public string Lang { get; init; } = "en";
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<TutorCard> Cards { get; init; } = [];
    public PendingActionView? PendingAction { get; init; }
    public CheckResult? Check { get; init; }
}
