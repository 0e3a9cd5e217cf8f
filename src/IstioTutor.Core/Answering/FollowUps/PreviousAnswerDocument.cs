namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>LiteDB shape of a <see cref="PreviousAnswer"/>; <see cref="Id"/> is learner id and conversation id.</summary>
internal sealed class PreviousAnswerDocument
{
    public string Id { get; set; } = "";
    public string LessonId { get; set; } = "";
    public string Section { get; set; } = "";
    public string Lang { get; set; } = "";
    public string Question { get; set; } = "";
    public DateTime At { get; set; }
}
