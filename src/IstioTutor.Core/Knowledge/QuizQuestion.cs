namespace IstioTutor.Core.Knowledge;

/// <summary>A multiple-choice question; <see cref="CorrectIndex"/> is 0-based into <see cref="Options"/>.</summary>
public sealed record QuizQuestion(int Number, string Question, IReadOnlyList<string> Options, int CorrectIndex, string Explanation);
