
namespace IstioTutor.Core.Turns;

/// <summary>
/// A learner as the store keeps them. <see cref="Id"/> is DNS-1123 safe: the sandbox namespace is
/// <c>learn-&lt;Id&gt;</c>.
/// </summary>
public sealed record Learner
{
    public required string Id { get; init; }
    public string DisplayName { get; init; } = "";
    /// <summary>"en" or "ko"; follows the language the learner last wrote in.</summary>
    public string Lang { get; init; } = "en";
    public Stage Stage { get; init; } = Stage.Beginner;
    public LearnerRole Role { get; init; } = LearnerRole.Learner;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastActiveAt { get; init; }
    /// <summary>The lesson the learner opened last; <c>/next</c> and <c>/quiz</c> continue from it.</summary>
    public string? CurrentLessonId { get; init; }
    public QuizState? Quiz { get; init; }
    public IReadOnlyList<ChannelIdentity> Identities { get; init; } = [];

    public string Namespace => LearnerIds.NamespaceOf(Id);
}

/// <summary>One door's user id linked to a learner.</summary>
public sealed record ChannelIdentity(Door Door, string ChannelUserId);

/// <summary>An open quiz: which lesson, which question is being asked, and the answers so far.</summary>
public sealed record QuizState(string LessonId, int QuestionIndex, IReadOnlyList<bool> Answers);
