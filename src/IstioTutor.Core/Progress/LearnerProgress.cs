using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>
/// A learner's progress folded from their events, kept up to date by every write so reports read one
/// document per learner instead of replaying events.
/// </summary>
public sealed record LearnerProgress
{
    public required string LearnerId { get; init; }
    public string DisplayName { get; init; } = "";
    public Stage Stage { get; init; }
    public DateTimeOffset LastActiveAt { get; init; }
    /// <summary>Last lesson finished, quiz completed or lab check; questions do not count as progress.</summary>
    public DateTimeOffset? LastProgressAt { get; init; }
    public IReadOnlyList<string> LessonsOpened { get; init; } = [];
    public IReadOnlyList<string> LessonsFinished { get; init; } = [];
    /// <summary>Best score per quiz, keyed by lesson id.</summary>
    public IReadOnlyDictionary<string, QuizScore> QuizScores { get; init; } = new Dictionary<string, QuizScore>();
    /// <summary>When each lab first passed, keyed by lab id.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LabsPassed { get; init; } = new Dictionary<string, DateTimeOffset>();
    /// <summary>The lab whose latest checks failed in a row, and how many times.</summary>
    public string? FailingLab { get; init; }
    public int FailingLabCount { get; init; }
    /// <summary>The failing lab's latest findings, for the mentor.</summary>
    public string? FailingLabDetail { get; init; }
    public int QuestionsAsked { get; init; }
    /// <summary>Grounded (true) or not (false) for the latest questions, newest last.</summary>
    public IReadOnlyList<bool> RecentQuestions { get; init; } = [];
    public IReadOnlyList<string> Cohorts { get; init; } = [];

    public double? QuizAverage => QuizScores.Count == 0 ? null : QuizScores.Values.Average(q => q.Score);

    public int RecentUngrounded => RecentQuestions.Count(g => !g);
}
