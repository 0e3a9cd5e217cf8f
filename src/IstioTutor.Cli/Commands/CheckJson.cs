namespace IstioTutor.Cli.Commands;

/// <summary>A lab check result, as <c>ask --json</c> prints it.</summary>
internal sealed record CheckJson(string Lab, bool Passed, IReadOnlyList<FindingJson> Findings);
