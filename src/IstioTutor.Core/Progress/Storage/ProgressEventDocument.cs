using IstioTutor.Core.Turns;
using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>LiteDB shape of a <see cref="ProgressEvent"/>.</summary>
internal sealed class ProgressEventDocument
{
    public const string Collection = "progress_events";

    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string LearnerId { get; set; } = "";
    /// <summary>"learner|kind", indexed so one kind of a learner's events is found without scanning the rest.</summary>
    public string LearnerKind { get; set; } = "";
    public int Kind { get; set; }
    public string Subject { get; set; } = "";
    public int Door { get; set; }
    public DateTime At { get; set; }
    public double? Score { get; set; }
    public bool? Passed { get; set; }
    public string? Detail { get; set; }

    public static string KeyOf(string learnerId, ProgressEventKind kind) => $"{learnerId}|{(int)kind}";

    public ProgressEvent ToEvent() => new(
        LearnerId, (ProgressEventKind)Kind, Subject, (Door)Door,
        new DateTimeOffset(At.ToUniversalTime(), TimeSpan.Zero), Score, Passed, Detail);

    public static ProgressEventDocument From(ProgressEvent e) => new()
    {
        LearnerId = e.LearnerId,
        LearnerKind = KeyOf(e.LearnerId, e.Kind),
        Kind = (int)e.Kind,
        Subject = e.Subject,
        Door = (int)e.Door,
        At = e.At.UtcDateTime,
        Score = e.Score,
        Passed = e.Passed,
        Detail = e.Detail,
    };
}
