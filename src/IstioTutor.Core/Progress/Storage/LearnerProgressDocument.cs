using IstioTutor.Core.Turns;
using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// LiteDB shape of a <see cref="LearnerProgress"/>, mapped by hand: reports read thousands of these at
/// once and the reflection mapper would dominate that time.
/// </summary>
internal static class LearnerProgressDocument
{
    public const string Collection = "learner_progress";
    public const string CohortsField = "cohorts";
    /// <summary>Question events still stored for the learner; the bound is enforced against it.</summary>
    public const string QuestionsKeptField = "kept";

    public static BsonDocument ToBson(LearnerProgress p, int questionsKept)
    {
        var quiz = new BsonArray(p.QuizScores.Select(q => (BsonValue)new BsonDocument
        {
            ["l"] = q.Key,
            ["s"] = q.Value.Score,
            ["st"] = (int)q.Value.Stage,
            ["at"] = q.Value.At.UtcDateTime,
        }));
        var labs = new BsonArray(p.LabsPassed.Select(l => (BsonValue)new BsonDocument { ["l"] = l.Key, ["at"] = l.Value.UtcDateTime }));
        return new BsonDocument
        {
            ["_id"] = p.LearnerId,
            ["name"] = p.DisplayName,
            ["stage"] = (int)p.Stage,
            ["active"] = p.LastActiveAt.UtcDateTime,
            ["progressAt"] = p.LastProgressAt is { } at ? at.UtcDateTime : BsonValue.Null,
            ["opened"] = Strings(p.LessonsOpened),
            ["finished"] = Strings(p.LessonsFinished),
            ["quiz"] = quiz,
            ["labs"] = labs,
            ["failLab"] = p.FailingLab,
            ["failCount"] = p.FailingLabCount,
            ["failDetail"] = p.FailingLabDetail,
            ["questions"] = p.QuestionsAsked,
            ["recent"] = new BsonArray(p.RecentQuestions.Select(b => new BsonValue(b))),
            [CohortsField] = Strings(p.Cohorts),
            [QuestionsKeptField] = questionsKept,
        };
    }

    public static LearnerProgress FromBson(BsonDocument d) => new()
    {
        LearnerId = d["_id"].AsString,
        DisplayName = d["name"].AsString ?? "",
        Stage = (Stage)d["stage"].AsInt32,
        LastActiveAt = Utc(d["active"]),
        LastProgressAt = d["progressAt"].IsNull ? null : Utc(d["progressAt"]),
        LessonsOpened = StringList(d["opened"]),
        LessonsFinished = StringList(d["finished"]),
        QuizScores = d["quiz"].AsArray.Select(q => q.AsDocument).ToDictionary(
            q => q["l"].AsString,
            q => new QuizScore(q["s"].AsDouble, (Stage)q["st"].AsInt32, Utc(q["at"])),
            StringComparer.Ordinal),
        LabsPassed = d["labs"].AsArray.Select(l => l.AsDocument).ToDictionary(l => l["l"].AsString, l => Utc(l["at"]), StringComparer.Ordinal),
        FailingLab = d["failLab"].IsNull ? null : d["failLab"].AsString,
        FailingLabCount = d["failCount"].AsInt32,
        FailingLabDetail = d["failDetail"].IsNull ? null : d["failDetail"].AsString,
        QuestionsAsked = d["questions"].AsInt32,
        RecentQuestions = d["recent"].AsArray.Select(b => b.AsBoolean).ToArray(),
        Cohorts = StringList(d[CohortsField]),
    };

    public static int QuestionsKept(BsonDocument d) => d[QuestionsKeptField].IsNumber ? d[QuestionsKeptField].AsInt32 : 0;

    /// <summary>The empty summary of a learner who has done nothing yet.</summary>
    public static LearnerProgress Empty(Learner learner) => new()
    {
        LearnerId = learner.Id,
        DisplayName = learner.DisplayName,
        Stage = learner.Stage,
        LastActiveAt = learner.LastActiveAt,
    };

    /// <summary>LiteDB hands dates back in local time unless told otherwise; summaries are UTC.</summary>
    internal static DateTimeOffset Utc(BsonValue v) => new(v.AsDateTime.ToUniversalTime(), TimeSpan.Zero);

    private static BsonArray Strings(IEnumerable<string> items) => new(items.Select(s => new BsonValue(s)));

    private static string[] StringList(BsonValue v) => v.IsArray ? v.AsArray.Select(s => s.AsString).ToArray() : [];
}
