using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Stages;

/// <summary>
/// Where a learner stands against their stage's exit rule: ready for <see cref="Next"/>, or what is
/// still missing (labs, quizzes, quiz average).
/// </summary>
public sealed record StageVerdict(
    Stage Stage,
    Stage? Next,
    bool Ready,
    IReadOnlyList<string> MissingLabs,
    int QuizzesDone,
    int QuizzesNeeded,
    double? QuizAverage,
    double Threshold);
