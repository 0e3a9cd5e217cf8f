namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>The engine and the BM25 baseline on the same questions; <see cref="Skipped"/> lists questions whose lesson is not loaded.</summary>
public sealed record EvalReport(int Questions, IReadOnlyList<string> Skipped, EvalScore Engine, EvalScore Baseline);
