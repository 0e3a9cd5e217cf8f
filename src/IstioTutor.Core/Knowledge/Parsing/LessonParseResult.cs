namespace IstioTutor.Core.Knowledge.Parsing;

/// <summary>The lesson (null when an error kept it out) and every problem found on the way.</summary>
public sealed record LessonParseResult(Lesson? Lesson, IReadOnlyList<LessonProblem> Problems);
