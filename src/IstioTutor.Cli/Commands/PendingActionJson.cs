namespace IstioTutor.Cli.Commands;

/// <summary>A change awaiting confirmation, as <c>ask --json</c> prints it.</summary>
internal sealed record PendingActionJson(string Id, string Summary, string Diff, IReadOnlyList<string> Findings, string? Prediction, DateTimeOffset ExpiresAt);
