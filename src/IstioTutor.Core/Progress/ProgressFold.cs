namespace IstioTutor.Core.Progress;

/// <summary>
/// Folds one event into a learner's <see cref="LearnerProgress"/>. Pure, so the live writes, the
/// schema migration and the tests all compute summaries the same way.
/// </summary>
public static class ProgressFold
{
    /// <summary>How many recent questions the summary remembers for the "many ungrounded questions" rule.</summary>
    public const int RecentQuestionWindow = 10;

    public static LearnerProgress Apply(LearnerProgress p, ProgressEvent e, LessonStages stages)
    {
        switch (e.Kind)
        {
            case ProgressEventKind.LessonOpened:
                return p with { LessonsOpened = AddOnce(p.LessonsOpened, e.Subject) };
            case ProgressEventKind.LessonFinished:
                return p with
                {
                    LessonsOpened = AddOnce(p.LessonsOpened, e.Subject),
                    LessonsFinished = AddOnce(p.LessonsFinished, e.Subject),
                    LastProgressAt = Later(p.LastProgressAt, e.At),
                };
            case ProgressEventKind.QuizCompleted when e.Score is { } score:
                var scores = new Dictionary<string, QuizScore>(p.QuizScores, StringComparer.Ordinal);
                if (!scores.TryGetValue(e.Subject, out var best) || score >= best.Score)
                {
                    scores[e.Subject] = new QuizScore(Math.Clamp(score, 0, 1), stages.Of(e.Subject) ?? p.Stage, e.At);
                }

                return p with { QuizScores = scores, LastProgressAt = Later(p.LastProgressAt, e.At) };
            case ProgressEventKind.LabChecked when e.Passed == true:
                var labs = new Dictionary<string, DateTimeOffset>(p.LabsPassed, StringComparer.Ordinal);
                labs.TryAdd(e.Subject, e.At);
                return p with
                {
                    LabsPassed = labs,
                    FailingLab = p.FailingLab == e.Subject ? null : p.FailingLab,
                    FailingLabCount = p.FailingLab == e.Subject ? 0 : p.FailingLabCount,
                    FailingLabDetail = p.FailingLab == e.Subject ? null : p.FailingLabDetail,
                    LastProgressAt = Later(p.LastProgressAt, e.At),
                };
            case ProgressEventKind.LabChecked:
                return p with
                {
                    FailingLab = e.Subject,
                    FailingLabCount = p.FailingLab == e.Subject ? p.FailingLabCount + 1 : 1,
                    FailingLabDetail = e.Detail,
                    LastProgressAt = Later(p.LastProgressAt, e.At),
                };
            case ProgressEventKind.QuestionAsked:
                var recent = p.RecentQuestions.Append(e.Passed != false).TakeLast(RecentQuestionWindow).ToArray();
                return p with { QuestionsAsked = p.QuestionsAsked + 1, RecentQuestions = recent };
            default:
                return p;
        }
    }

    private static IReadOnlyList<string> AddOnce(IReadOnlyList<string> list, string item) =>
        list.Contains(item, StringComparer.Ordinal) ? list : [.. list, item];

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
