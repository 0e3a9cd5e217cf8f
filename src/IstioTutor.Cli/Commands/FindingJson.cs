namespace IstioTutor.Cli.Commands;

/// <summary>One lab check finding, as <c>ask --json</c> prints it.</summary>
internal sealed record FindingJson(string Message, string? Hint, bool Ok);
