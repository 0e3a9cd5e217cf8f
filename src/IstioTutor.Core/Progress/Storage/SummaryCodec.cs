using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// Binary form of a <see cref="LearnerProgress"/> inside a summary bucket. Reports decode ten thousand
/// of these at once; a compact hand-written format keeps that to milliseconds where LiteDB's document
/// mapping took most of a second.
/// </summary>
internal static class SummaryCodec
{
    /// <summary>Bumped when the row layout changes; a bucket written in another format is refused loudly.</summary>
    public const byte Format = 1;

    public static void Write(BinaryWriter w, LearnerProgress p, int questionsKept)
    {
        w.Write(p.LearnerId);
        w.Write(p.DisplayName);
        w.Write((byte)p.Stage);
        w.Write(p.LastActiveAt.UtcTicks);
        w.Write(p.LastProgressAt?.UtcTicks ?? 0L);
        Strings(w, p.LessonsOpened);
        Strings(w, p.LessonsFinished);
        w.Write(p.QuizScores.Count);
        foreach (var (lesson, q) in p.QuizScores)
        {
            w.Write(lesson);
            w.Write(q.Score);
            w.Write((byte)q.Stage);
            w.Write(q.At.UtcTicks);
        }

        w.Write(p.LabsPassed.Count);
        foreach (var (lab, at) in p.LabsPassed)
        {
            w.Write(lab);
            w.Write(at.UtcTicks);
        }

        w.Write(p.FailingLab ?? "");
        w.Write(p.FailingLabCount);
        w.Write(p.FailingLabDetail ?? "");
        w.Write(p.QuestionsAsked);
        w.Write((byte)p.RecentQuestions.Count);
        foreach (var grounded in p.RecentQuestions)
        {
            w.Write(grounded);
        }

        Strings(w, p.Cohorts);
        w.Write(questionsKept);
    }

    public static (LearnerProgress Progress, int QuestionsKept) Read(BinaryReader r)
    {
        var id = r.ReadString();
        var name = r.ReadString();
        var stage = (Stage)r.ReadByte();
        var active = Utc(r.ReadInt64());
        var progressTicks = r.ReadInt64();
        var opened = Strings(r);
        var finished = Strings(r);
        var quizCount = r.ReadInt32();
        var quiz = new Dictionary<string, QuizScore>(quizCount, StringComparer.Ordinal);
        for (var i = 0; i < quizCount; i++)
        {
            quiz[r.ReadString()] = new QuizScore(r.ReadDouble(), (Stage)r.ReadByte(), Utc(r.ReadInt64()));
        }

        var labCount = r.ReadInt32();
        var labs = new Dictionary<string, DateTimeOffset>(labCount, StringComparer.Ordinal);
        for (var i = 0; i < labCount; i++)
        {
            labs[r.ReadString()] = Utc(r.ReadInt64());
        }

        var failingLab = r.ReadString();
        var failCount = r.ReadInt32();
        var failDetail = r.ReadString();
        var questions = r.ReadInt32();
        var recent = new bool[r.ReadByte()];
        for (var i = 0; i < recent.Length; i++)
        {
            recent[i] = r.ReadBoolean();
        }

        var cohorts = Strings(r);
        var kept = r.ReadInt32();
        return (new LearnerProgress
        {
            LearnerId = id,
            DisplayName = name,
            Stage = stage,
            LastActiveAt = active,
            LastProgressAt = progressTicks == 0 ? null : Utc(progressTicks),
            LessonsOpened = opened,
            LessonsFinished = finished,
            QuizScores = quiz,
            LabsPassed = labs,
            FailingLab = failingLab.Length == 0 ? null : failingLab,
            FailingLabCount = failCount,
            FailingLabDetail = failDetail.Length == 0 ? null : failDetail,
            QuestionsAsked = questions,
            RecentQuestions = recent,
            Cohorts = cohorts,
        }, kept);
    }

    /// <summary>The empty summary of a learner who has done nothing yet.</summary>
    public static LearnerProgress Empty(Learner learner) => new()
    {
        LearnerId = learner.Id,
        DisplayName = learner.DisplayName,
        Stage = learner.Stage,
        LastActiveAt = learner.LastActiveAt,
    };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private static void Strings(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write(items.Count);
        foreach (var s in items)
        {
            w.Write(s);
        }
    }

    private static string[] Strings(BinaryReader r)
    {
        var items = new string[r.ReadInt32()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = r.ReadString();
        }

        return items;
    }
}
