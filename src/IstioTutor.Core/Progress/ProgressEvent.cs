using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>
/// Something a learner did that a mentor may want to see. <see cref="Subject"/> is the lesson, lab or
/// question it concerns; <see cref="Score"/> is a quiz score (0..1) or null; for lab checks
/// <see cref="Passed"/> is the outcome and <see cref="Detail"/> the findings; for questions
/// <see cref="Passed"/> says whether the answer was grounded in the curriculum.
/// </summary>
public sealed record ProgressEvent(
    string LearnerId,
    ProgressEventKind Kind,
    string Subject,
    Door Door,
    DateTimeOffset At,
    double? Score = null,
    bool? Passed = null,
    string? Detail = null);

public enum ProgressEventKind
{
    LessonOpened,
    LessonFinished,
    QuizAnswered,
    QuizCompleted,
    LabChecked,
    QuestionAsked,
    StageChanged,
}
