using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// Brings a tutor database file to the current schema when it is opened. The version lives in LiteDB's
/// <c>UserVersion</c> pragma. Each step is idempotent, so a crash mid-migration is repaired by the next open.
/// </summary>
/// <remarks>
/// v1 (the first release): learners and progress_events, no version stamp, case-insensitive collation.
/// v2: ordinal collation, per-learner progress summaries (with cohort memberships), cohorts, link codes,
/// an index on (learner, kind) for bounding stored questions.
/// v3: door identities are looked up by their SHA-256 (<c>IdentityHashes</c>), so a user id longer than
/// LiteDB's index key limit cannot fail a turn; the index on the raw keys is dropped.
/// </remarks>
public static class SchemaMigrations
{
    public const int CurrentVersion = 3;

    public static int VersionOf(LiteDatabase db) => db.UserVersion;

    /// <summary>
    /// v1 files use LiteDB's default case-insensitive collation, and LiteDB refuses to open a file with a
    /// collation other than its own, so this step runs on the raw file before the tutor opens it.
    /// </summary>
    internal static void ConvertCollation(string filePath)
    {
        if (!File.Exists(filePath))
        {
            return;
        }

        using var raw = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Shared });
        RefuseNewer(raw, filePath);
        if (raw.Collation.SortOptions != System.Globalization.CompareOptions.Ordinal)
        {
            raw.Rebuild(new LiteDB.Engine.RebuildOptions { Collation = Collation.Binary });
        }
    }

    internal static void Migrate(TutorDatabase tutorDb, LessonStages stages)
    {
        var db = tutorDb.Database;
        RefuseNewer(db, tutorDb.FilePath);

        if (db.UserVersion < 2)
        {
            tutorDb.Write(d => V1ToV2(d, stages));
        }

        if (db.UserVersion < 3)
        {
            tutorDb.Write(V2ToV3);
        }

        EnsureIndexes(db);
        if (db.UserVersion != CurrentVersion)
        {
            db.UserVersion = CurrentVersion;
        }
    }

    private static void RefuseNewer(LiteDatabase db, string filePath)
    {
        if (db.UserVersion > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"{filePath} has schema version {db.UserVersion}, newer than this istiotutor understands ({CurrentVersion}). Upgrade istiotutor, or point --data at another directory.");
        }
    }

    private static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection(LearnerDocument.Collection).EnsureIndex("IdentityHashes", "$.IdentityHashes[*]");
        db.GetCollection(LearnerDocument.Collection).EnsureIndex("DisplayName", "$.DisplayName");
        var events = db.GetCollection(ProgressEventDocument.Collection);
        events.EnsureIndex("LearnerId", "$.LearnerId");
        events.EnsureIndex("LearnerKind", "$.LearnerKind");
        db.GetCollection(CohortDocument.Collection).EnsureIndex("JoinCode", "$.JoinCode", unique: true);
    }

    /// <summary>Hashes every learner's identity keys and drops the index on the raw keys.</summary>
    private static void V2ToV3(LiteDatabase db)
    {
        var learners = db.GetCollection<LearnerDocument>(LearnerDocument.Collection);
        var all = learners.FindAll().ToList();
        foreach (var learner in all)
        {
            learner.SetIdentities(learner.Identities);
        }

        learners.Update(all);
        learners.DropIndex("Identities");
    }

    /// <summary>Stamps events with their (learner, kind) key and folds every learner's events into a summary.</summary>
    private static void V1ToV2(LiteDatabase db, LessonStages stages)
    {
        var events = db.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection);
        var stamped = events.FindAll().Where(e => e.LearnerKind.Length == 0).ToList();
        foreach (var e in stamped)
        {
            e.LearnerKind = ProgressEventDocument.KeyOf(e.LearnerId, (ProgressEventKind)e.Kind);
        }

        events.Update(stamped);

        var byLearner = events.FindAll().GroupBy(e => e.LearnerId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).ToList());
        foreach (var learner in db.GetCollection<LearnerDocument>(LearnerDocument.Collection).FindAll().Select(l => l.ToLearner()))
        {
            var cohorts = SummaryBuckets.Get(db, learner.Id)?.Cohorts ?? [];
            var summary = SummaryCodec.Empty(learner) with { Cohorts = cohorts };
            var learnerEvents = byLearner.GetValueOrDefault(learner.Id) ?? [];
            foreach (var e in learnerEvents)
            {
                summary = ProgressFold.Apply(summary, e.ToEvent(), stages);
            }

            var kept = learnerEvents.Count(e => e.Kind == (int)ProgressEventKind.QuestionAsked);
            SummaryBuckets.Put(db, summary, kept);
        }
    }
}
