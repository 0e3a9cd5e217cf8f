using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>How one system did on one question.</summary>
public sealed record EvalOutcome(EvalQuestion Question, bool Grounded, bool Hit, bool StageMatch, Stage? AnsweredStage, string? AnsweredLesson, double Milliseconds);
