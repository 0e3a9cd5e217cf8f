namespace IstioTutor.Cli.Commands;

/// <summary>
/// A lab check result, as <c>ask --json</c> prints it. <c>method</c> (how the check verified the lab, when it
/// could not see everything directly) extends the contract's lab/passed/findings; it is null when not stated.
/// </summary>
internal sealed record CheckJson(string Lab, bool Passed, IReadOnlyList<FindingJson> Findings, string? Method);
