using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>A quiz's best score (0..1) and the stage it counts toward.</summary>
public sealed record QuizScore(double Score, Stage Stage, DateTimeOffset At);
