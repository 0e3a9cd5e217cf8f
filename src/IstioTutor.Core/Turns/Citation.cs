namespace IstioTutor.Core.Turns;

/// <summary>A curriculum section an answer rests on.</summary>
public sealed record Citation(string LessonId, string Title, Stage Stage, string Section, string Lang);
