namespace IstioTutor.Core.Knowledge;

public enum LessonProblemSeverity
{
    Error,
    Warning,
}
