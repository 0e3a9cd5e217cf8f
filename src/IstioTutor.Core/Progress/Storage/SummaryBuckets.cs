using System.Text;
using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// Learner summaries packed into a fixed number of bucket documents (by a stable hash of the learner
/// id). A progress write rewrites one small bucket; a cohort report reads the buckets instead of one
/// document per learner, which is what keeps a 10,000-learner report inside its 200 ms target.
/// </summary>
internal static class SummaryBuckets
{
    public const string Collection = "progress_summaries";
    public const int BucketCount = 1024;

    public static LearnerProgress? Get(LiteDatabase d, string learnerId) => GetWithKept(d, learnerId)?.Progress;

    public static (LearnerProgress Progress, int QuestionsKept)? GetWithKept(LiteDatabase d, string learnerId)
    {
        foreach (var row in Rows(Buckets(d).FindById(BucketOf(learnerId))))
        {
            if (row.Progress.LearnerId == learnerId)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>Stores (adds or replaces) a learner's summary.</summary>
    public static void Put(LiteDatabase d, LearnerProgress progress, int questionsKept)
    {
        var bucket = BucketOf(progress.LearnerId);
        var rows = Rows(Buckets(d).FindById(bucket)).Where(r => r.Progress.LearnerId != progress.LearnerId).ToList();
        rows.Add((progress, questionsKept));
        Save(d, bucket, rows);
    }

    public static void Remove(LiteDatabase d, string learnerId)
    {
        var bucket = BucketOf(learnerId);
        var rows = Rows(Buckets(d).FindById(bucket)).Where(r => r.Progress.LearnerId != learnerId).ToList();
        Save(d, bucket, rows);
    }

    /// <summary>Every learner's summary.</summary>
    public static IEnumerable<LearnerProgress> All(LiteDatabase d) =>
        Buckets(d).FindAll().SelectMany(b => Rows(b)).Select(r => r.Progress);

    /// <summary>FNV-1a over UTF-8: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    public static int BucketOf(string learnerId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(learnerId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % BucketCount);
    }

    private static ILiteCollection<BsonDocument> Buckets(LiteDatabase d) => d.GetCollection(Collection);

    private static List<(LearnerProgress Progress, int QuestionsKept)> Rows(BsonDocument? bucket)
    {
        var rows = new List<(LearnerProgress, int)>();
        if (bucket is null)
        {
            return rows;
        }

        using var reader = new BinaryReader(new MemoryStream(bucket["rows"].AsBinary), Encoding.UTF8);
        var format = reader.ReadByte();
        if (format != SummaryCodec.Format)
        {
            throw new InvalidDataException($"Summary bucket {bucket["_id"]} has format {format}; this istiotutor reads format {SummaryCodec.Format}.");
        }

        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            rows.Add(SummaryCodec.Read(reader));
        }

        return rows;
    }

    private static void Save(LiteDatabase d, int bucket, List<(LearnerProgress Progress, int QuestionsKept)> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(SummaryCodec.Format);
            writer.Write(rows.Count);
            foreach (var (progress, kept) in rows)
            {
                SummaryCodec.Write(writer, progress, kept);
            }
        }

        Buckets(d).Upsert(new BsonDocument { ["_id"] = bucket, ["rows"] = buffer.ToArray() });
    }
}
