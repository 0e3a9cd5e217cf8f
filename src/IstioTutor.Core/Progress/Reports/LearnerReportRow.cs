using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Reports;

/// <summary>One learner's line in a mentor report.</summary>
public sealed record LearnerReportRow(
    string LearnerId,
    string DisplayName,
    Stage Stage,
    int LessonsFinished,
    int LabsPassed,
    double? QuizAverage,
    int QuestionsAsked,
    DateTimeOffset LastActiveAt,
    DateTimeOffset? LastProgressAt,
    IReadOnlyList<StuckReason> Stuck)
{
    public bool IsStuck => Stuck.Count > 0;
}
