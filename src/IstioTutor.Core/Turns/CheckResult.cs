namespace IstioTutor.Core.Turns;

/// <summary>The outcome of grading a lab in the learner's sandbox.</summary>
public sealed record CheckResult(string Lab, bool Passed, IReadOnlyList<CheckFinding> Findings, string? Method = null);

/// <summary>One thing a lab check found missing or wrong, with a hint toward the fix.</summary>
public sealed record CheckFinding(string Message, string? Hint = null, bool Ok = false);
