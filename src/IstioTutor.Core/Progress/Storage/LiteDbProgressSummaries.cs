using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>Reads the per-learner summaries that <see cref="LiteDbProgressLog"/> maintains.</summary>
public sealed class LiteDbProgressSummaries(TutorDatabase db) : IProgressSummaries
{
    public LearnerProgress? Get(string learnerId) =>
        Collection.FindById(learnerId) is { } d ? LearnerProgressDocument.FromBson(d) : null;

    public IReadOnlyList<LearnerProgress> InCohort(string cohortName) =>
        Collection.Find(LiteDbCohortStore.MemberOf(cohortName))
            .Select(LearnerProgressDocument.FromBson)
            .ToArray();

    public IReadOnlyList<LearnerProgress> All() => Collection.FindAll().Select(LearnerProgressDocument.FromBson).ToArray();

    private ILiteCollection<BsonDocument> Collection => db.Database.GetCollection(LearnerProgressDocument.Collection);
}
