namespace IstioTutor.Core.Knowledge.Search;

/// <summary>One question from a lesson's <c>asks</c> front matter, in the lesson's language.</summary>
public sealed record LessonAsk(string LessonId, string Lang, string Text);
