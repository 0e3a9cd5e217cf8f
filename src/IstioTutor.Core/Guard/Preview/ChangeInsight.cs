namespace IstioTutor.Core.Guard.Preview;

/// <summary>What a preview predicts beyond the diff: analyzer findings with the change applied and the simulator's forecast.</summary>
public sealed record ChangeInsight(IReadOnlyList<string> Findings, string? Prediction);
