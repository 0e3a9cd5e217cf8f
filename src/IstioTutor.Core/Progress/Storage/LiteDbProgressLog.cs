namespace IstioTutor.Core.Progress.Storage;

/// <summary>Progress events in the tutor's LiteDB file.</summary>
public sealed class LiteDbProgressLog(TutorDatabase db) : IProgressLog
{
    public void Record(ProgressEvent progressEvent) =>
        db.Database.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection)
            .Insert(ProgressEventDocument.From(progressEvent));

    public IReadOnlyList<ProgressEvent> ForLearner(string learnerId, int limit = 200) =>
        db.Database.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection)
            .Find(x => x.LearnerId == learnerId)
            .OrderByDescending(x => x.At)
            .Take(limit)
            .Select(x => x.ToEvent())
            .ToArray();
}
