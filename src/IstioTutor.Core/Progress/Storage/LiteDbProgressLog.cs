using IstioTutor.Core.Turns;
using LiteDB;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// Progress events in the tutor's LiteDB file. Each event and the learner's folded summary are written
/// in one transaction, so reports never see one without the other.
/// </summary>
public sealed class LiteDbProgressLog(TutorDatabase db, LessonStages stages, IOptions<ProgressOptions> options) : IProgressLog
{
    /// <summary>Questions are trimmed in batches of this many, not one delete per question.</summary>
    private const int TrimSlack = 20;

    public void Record(ProgressEvent progressEvent) => db.Write(d => Append(d, [progressEvent]));

    /// <summary>Records many events in one transaction (imports, seeding); same summaries as one by one.</summary>
    public void RecordMany(IEnumerable<ProgressEvent> progressEvents) => db.Write(d =>
    {
        foreach (var group in progressEvents.GroupBy(e => e.LearnerId))
        {
            Append(d, group.ToList());
        }
    });

    public IReadOnlyList<ProgressEvent> ForLearner(string learnerId, int limit = 200) =>
        db.Database.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection)
            .Find(x => x.LearnerId == learnerId)
            .OrderByDescending(x => x.At)
            .ThenByDescending(x => x.Id)
            .Take(limit)
            .Select(x => x.ToEvent())
            .ToArray();

    /// <summary>Appends one learner's events and folds them into the learner's summary.</summary>
    private void Append(LiteDatabase d, IReadOnlyList<ProgressEvent> events)
    {
        var learnerId = events[0].LearnerId;
        var eventCollection = d.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection);
        eventCollection.InsertBulk(events.Select(ProgressEventDocument.From));

        var stored = SummaryBuckets.GetWithKept(d, learnerId);
        var summary = stored is { } s
            ? s.Progress
            : SummaryCodec.Empty(LiteDbLearnerStore.Learners(d).FindById(learnerId)?.ToLearner() ?? new Learner { Id = learnerId });
        foreach (var e in events)
        {
            summary = ProgressFold.Apply(summary, e, stages);
        }

        var kept = (stored?.QuestionsKept ?? 0) + events.Count(e => e.Kind == ProgressEventKind.QuestionAsked);
        var max = options.Value.MaxQuestionsKept;
        if (kept > max + TrimSlack)
        {
            var key = ProgressEventDocument.KeyOf(learnerId, ProgressEventKind.QuestionAsked);
            var oldest = eventCollection.Find(x => x.LearnerKind == key).OrderBy(x => x.At).ThenBy(x => x.Id).Take(kept - max).Select(x => x.Id).ToList();
            foreach (var id in oldest)
            {
                eventCollection.Delete(id);
            }

            kept -= oldest.Count;
        }

        SummaryBuckets.Put(d, summary, kept);
    }
}
