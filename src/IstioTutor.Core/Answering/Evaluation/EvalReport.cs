namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// The engine and the BM25 baseline on the same questions asked in <see cref="Mode"/>;
/// <see cref="Skipped"/> lists questions whose lesson is not loaded in the question's language,
/// <see cref="UnknownSections"/> those whose section names no section of their lesson (scored on the lesson only).
/// </summary>
public sealed record EvalReport(EvalStageMode Mode, int Questions, IReadOnlyList<string> Skipped, IReadOnlyList<string> UnknownSections, EvalScore Engine, EvalScore Baseline);
