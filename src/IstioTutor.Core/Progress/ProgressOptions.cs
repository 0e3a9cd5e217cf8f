using System.ComponentModel.DataAnnotations;

namespace IstioTutor.Core.Progress;

/// <summary>The <c>Progress</c> section of appsettings.json: stage rules, stuck rules, bounds.</summary>
public sealed class ProgressOptions
{
    public const string Section = "Progress";

    /// <summary>A stage's quizzes must average at least this (0..1) before the learner moves on.</summary>
    [Range(0.0, 1.0)]
    public double QuizThreshold { get; set; } = 0.7;

    /// <summary>How many of a stage's quizzes must be completed before the average counts.</summary>
    [Range(1, 100)]
    public int MinQuizzesPerStage { get; set; } = 2;

    /// <summary>
    /// Labs that must pass before leaving a stage, by stage name ("beginner": ["sidecar-injection"]).
    /// A stage with no list moves on by its quizzes alone.
    /// </summary>
    public Dictionary<string, List<string>> CoreLabs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A learner with no lesson, quiz or lab progress for this many days is reported as stuck.</summary>
    [Range(1, 365)]
    public int StuckAfterDays { get; set; } = 7;

    /// <summary>The same lab failing this many times in a row marks the learner as stuck on it.</summary>
    [Range(2, 100)]
    public int RepeatedLabFailures { get; set; } = 3;

    /// <summary>Of the learner's last <see cref="ProgressFold.RecentQuestionWindow"/> questions, this many ungrounded ones marks them as stuck.</summary>
    [Range(1, ProgressFold.RecentQuestionWindow)]
    public int UngroundedQuestions { get; set; } = 5;

    /// <summary>Question events kept per learner; older ones are dropped (counts stay in the summary).</summary>
    [Range(10, 10_000)]
    public int MaxQuestionsKept { get; set; } = 200;

    /// <summary>How long a <c>/link</c> code stays valid.</summary>
    [Range(1, 1440)]
    public int LinkCodeMinutes { get; set; } = 15;
}
