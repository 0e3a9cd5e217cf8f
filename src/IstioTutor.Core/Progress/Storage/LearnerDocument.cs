using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>LiteDB shape of a <see cref="Learner"/>: plain settable members LiteDB's mapper handles.</summary>
internal sealed class LearnerDocument
{
    public const string Collection = "learners";

    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Lang { get; set; } = "en";
    public int Stage { get; set; }
    public int Role { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActiveAt { get; set; }
    public string? CurrentLessonId { get; set; }
    public string? QuizLessonId { get; set; }
    public int QuizQuestionIndex { get; set; }
    public List<bool> QuizAnswers { get; set; } = [];
    /// <summary>"door:channelUserId" keys, as the door sent them (any length; not indexed).</summary>
    public List<string> Identities { get; set; } = [];

    /// <summary>
    /// SHA-256 of each <see cref="Identities"/> key, indexed for lookup: a door's user id can be longer than
    /// LiteDB's index key limit (1,023 bytes), its hash never is.
    /// </summary>
    public List<string> IdentityHashes { get; set; } = [];

    public static string IdentityKey(Door door, string channelUserId) => $"{door.ToString().ToLowerInvariant()}:{channelUserId}";

    public static string IdentityHash(string identityKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identityKey)));

    /// <summary>Sets both identity lists from the keys, so the hashes always match the keys.</summary>
    public void SetIdentities(IEnumerable<string> keys)
    {
        Identities = keys.Distinct(StringComparer.Ordinal).ToList();
        IdentityHashes = Identities.Select(IdentityHash).ToList();
    }

    public Learner ToLearner() => new()
    {
        Id = Id,
        DisplayName = DisplayName,
        Lang = Lang,
        Stage = (Stage)Stage,
        Role = (LearnerRole)Role,
        CreatedAt = new DateTimeOffset(CreatedAt.ToUniversalTime(), TimeSpan.Zero),
        LastActiveAt = new DateTimeOffset(LastActiveAt.ToUniversalTime(), TimeSpan.Zero),
        CurrentLessonId = CurrentLessonId,
        Quiz = QuizLessonId is null ? null : new QuizState(QuizLessonId, QuizQuestionIndex, QuizAnswers.ToArray()),
        Identities = Identities.Select(ParseIdentity).ToArray(),
    };

    public static LearnerDocument From(Learner learner) => new LearnerDocument
    {
        Id = learner.Id,
        DisplayName = DisplayText.Name(learner.DisplayName),
        Lang = learner.Lang,
        Stage = (int)learner.Stage,
        Role = (int)learner.Role,
        CreatedAt = learner.CreatedAt.UtcDateTime,
        LastActiveAt = learner.LastActiveAt.UtcDateTime,
        CurrentLessonId = learner.CurrentLessonId,
        QuizLessonId = learner.Quiz?.LessonId,
        QuizQuestionIndex = learner.Quiz?.QuestionIndex ?? 0,
        QuizAnswers = learner.Quiz?.Answers.ToList() ?? [],
    }.WithIdentities(learner.Identities.Select(i => IdentityKey(i.Door, i.ChannelUserId)));

    private LearnerDocument WithIdentities(IEnumerable<string> keys)
    {
        SetIdentities(keys);
        return this;
    }

    private static ChannelIdentity ParseIdentity(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var door = Enum.Parse<Door>(key[..colon], ignoreCase: true);
        return new ChannelIdentity(door, key[(colon + 1)..]);
    }
}
