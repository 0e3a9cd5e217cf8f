using IstioTutor.Core.Progress.Storage;
using LiteDB;

namespace IstioTutor.Core.Answering.FollowUps;

/// <summary>
/// The last grounded answer per (learner, conversation) in the tutor's LiteDB file, so "why?" or "show me
/// the YAML" still refers to it after a restart and in another door's process. One document per
/// conversation, replaced by each new grounded answer.
/// </summary>
public sealed class PreviousAnswerStore
{
    public const string Collection = "answer_context";

    private readonly ILiteCollection<PreviousAnswerDocument> _answers;

    public PreviousAnswerStore(TutorDatabase database)
    {
        _answers = database.Database.GetCollection<PreviousAnswerDocument>(Collection);
    }

    public PreviousAnswer? Find(string learnerId, string conversationId) =>
        _answers.FindById(Key(learnerId, conversationId)) is { } d
            ? new PreviousAnswer(d.LessonId, d.Section, d.Lang, d.Question, new DateTimeOffset(DateTime.SpecifyKind(d.At, DateTimeKind.Utc)))
            : null;

    public void Remember(string learnerId, string conversationId, PreviousAnswer answer) =>
        _answers.Upsert(new PreviousAnswerDocument
        {
            Id = Key(learnerId, conversationId),
            LessonId = answer.LessonId,
            Section = answer.Section,
            Lang = answer.Lang,
            Question = answer.Question,
            At = answer.At.UtcDateTime,
        });

    private static string Key(string learnerId, string conversationId) => learnerId + "\n" + conversationId;
}
