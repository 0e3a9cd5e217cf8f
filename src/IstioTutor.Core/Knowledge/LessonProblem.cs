namespace IstioTutor.Core.Knowledge;

/// <summary>
/// Something wrong in a lesson file, at a 1-based line. An <see cref="LessonProblemSeverity.Error"/>
/// keeps the whole lesson out; a warning drops only the part it names.
/// </summary>
public sealed record LessonProblem(string Source, int Line, string Message, LessonProblemSeverity Severity = LessonProblemSeverity.Error)
{
    public override string ToString() => $"{Source}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
