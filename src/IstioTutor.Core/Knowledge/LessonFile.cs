namespace IstioTutor.Core.Knowledge;

/// <summary>The raw text of one lesson file and the name it is reported under.</summary>
public sealed record LessonFile(string Source, string Text);
