using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Storage;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using LiteDB;

namespace IstioTutor.Core.Tests.Progress;

/// <summary>Opening files written by earlier releases, byte for byte the way they wrote them.</summary>
public sealed class SchemaMigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("istiotutor-migration-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Writes the v1 shape: what main's first LiteDbLearnerStore/LiteDbProgressLog stored, no version stamp.</summary>
    private void WriteV1File()
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_dir, TutorDatabase.FileName), Connection = ConnectionType.Shared });
        var learners = db.GetCollection(LearnerDocument.Collection);
        learners.Insert(new BsonDocument
        {
            ["_id"] = "alice",
            ["DisplayName"] = "Alice",
            ["Lang"] = "ko",
            ["Stage"] = 1,
            ["Role"] = 0,
            ["CreatedAt"] = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            ["LastActiveAt"] = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc),
            ["CurrentLessonId"] = "traffic-shifting",
            ["QuizLessonId"] = BsonValue.Null,
            ["QuizQuestionIndex"] = 0,
            ["QuizAnswers"] = new BsonArray(),
            ["Identities"] = new BsonArray { "terminal:alice" },
        });
        learners.EnsureIndex("Identities", "$.Identities[*]");
        var events = db.GetCollection(ProgressEventDocument.Collection);
        events.EnsureIndex("LearnerId", "$.LearnerId");
        events.Insert(new BsonDocument
        {
            ["_id"] = ObjectId.NewObjectId(), ["LearnerId"] = "alice", ["Kind"] = (int)ProgressEventKind.QuizCompleted,
            ["Subject"] = "traffic-shifting", ["Door"] = 0, ["At"] = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc),
            ["Score"] = 0.75, ["Passed"] = BsonValue.Null, ["Detail"] = BsonValue.Null,
        });
        events.Insert(new BsonDocument
        {
            ["_id"] = ObjectId.NewObjectId(), ["LearnerId"] = "alice", ["Kind"] = (int)ProgressEventKind.LabChecked,
            ["Subject"] = "canary", ["Door"] = 0, ["At"] = new DateTime(2025, 1, 2, 1, 0, 0, DateTimeKind.Utc),
            ["Score"] = BsonValue.Null, ["Passed"] = true, ["Detail"] = BsonValue.Null,
        });
        Assert.Equal(0, db.UserVersion);
    }

    [Fact]
    public void A_v1_file_is_migrated_to_the_current_schema_on_open()
    {
        WriteV1File();

        using var db = new TutorDatabase(new DataDirectory(_dir));

        Assert.Equal(SchemaMigrations.CurrentVersion, SchemaMigrations.VersionOf(db.Database));
    }

    [Fact]
    public void Migration_builds_summaries_from_the_v1_events()
    {
        WriteV1File();

        using var db = new TutorDatabase(new DataDirectory(_dir));
        var summary = new LiteDbProgressSummaries(db).Get("alice")!;

        Assert.Equal(0.75, summary.QuizAverage);
        Assert.Equal(Stage.Intermediate, summary.QuizScores["traffic-shifting"].Stage);
        Assert.True(summary.LabsPassed.ContainsKey("canary"));
    }

    [Fact]
    public void Migration_keeps_v1_learners_and_their_identities()
    {
        WriteV1File();

        using var db = new TutorDatabase(new DataDirectory(_dir));
        var store = new LiteDbLearnerStore(db, Microsoft.Extensions.Options.Options.Create(new TutorOptions()), TimeProvider.System);
        var alice = store.Resolve(Door.Terminal, "alice", null);

        Assert.Equal(("alice", "ko", Stage.Intermediate, "traffic-shifting"), (alice.Id, alice.Lang, alice.Stage, alice.CurrentLessonId));
    }

    [Fact]
    public void Migration_switches_the_file_to_case_sensitive_comparison()
    {
        WriteV1File();

        using var db = new TutorDatabase(new DataDirectory(_dir));

        Assert.Equal(System.Globalization.CompareOptions.Ordinal, db.Database.Collation.SortOptions);
    }

    [Fact]
    public void A_file_from_a_newer_schema_is_refused_with_its_version()
    {
        using (var raw = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_dir, TutorDatabase.FileName), Connection = ConnectionType.Shared }))
        {
            raw.UserVersion = 99;
        }

        var error = Assert.Throws<InvalidOperationException>(() => new TutorDatabase(new DataDirectory(_dir)));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }
}
