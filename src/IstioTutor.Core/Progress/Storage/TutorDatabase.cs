using IstioTutor.Core.Hosting;
using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// The tutor's LiteDB file (<c>istiotutor.db</c> in the data directory). Opened in shared mode so the
/// CLI and the bot host can use one data directory at the same time; LiteDB commits each write
/// (journal first) before the call returns.
/// </summary>
public sealed class TutorDatabase : IDisposable
{
    public const string FileName = "istiotutor.db";

    public TutorDatabase(DataDirectory data)
    {
        FilePath = data.File(FileName);
        Database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Shared });
        EnsureIndexes();
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    private void EnsureIndexes()
    {
        var learners = Database.GetCollection<LearnerDocument>(LearnerDocument.Collection);
        learners.EnsureIndex(x => x.Identities, false);
        var events = Database.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection);
        events.EnsureIndex(x => x.LearnerId);
    }

    public void Dispose() => Database.Dispose();
}
