namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>
/// The section the conversation's last grounded answer came from (its first citation) and the question
/// it was retrieved for, kept so a follow-up can be resolved against it.
/// </summary>
public sealed record PreviousAnswer(string LessonId, string Section, string Lang, string Question, DateTimeOffset At);
