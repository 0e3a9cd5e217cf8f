using IstioTutor.Mesh.Hosting;
using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// The tutor's LiteDB file (<c>istiotutor.db</c> in the data directory), migrated to
/// <see cref="SchemaMigrations.CurrentVersion"/> when opened.
/// </summary>
/// <remarks>
/// Opened in shared mode so the CLI and the bot host can use one data directory at the same time:
/// LiteDB then takes a machine-wide named mutex per operation (or per <see cref="Write{T}"/>
/// transaction), so read-modify-write sequences are atomic across threads and processes. Each commit
/// is flushed to disk before the call returns. Direct mode would be faster per call but locks the
/// file to one process; the figures in the README (benchmark <c>report</c>) show shared mode meets
/// the report target because reports read one summary document per learner.
/// </remarks>
public sealed class TutorDatabase : IDisposable
{
    public const string FileName = "istiotutor.db";

    private readonly object _writeGate = new();

    /// <summary>Opens the file with the built-in curriculum's lesson stages for migrating old progress.</summary>
    public TutorDatabase(DataDirectory data)
        : this(data, LessonStages.BuiltIn())
    {
    }

    public TutorDatabase(DataDirectory data, LessonStages stages)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stages);
        FilePath = data.File(FileName);
        SchemaMigrations.ConvertCollation(FilePath);
        Database = new LiteDatabase(new ConnectionString
        {
            Filename = FilePath,
            Connection = ConnectionType.Shared,
            // Ordinal comparison: identities and ids differ by case ("terminal:Alice" is not "terminal:alice").
            Collation = Collation.Binary,
        },
        // A mapper per database: LiteDB's global mapper builds entity maps lazily and is not safe when two
        // databases in one process (bot host + tests) map the same type at the same moment.
        new BsonMapper());
        SchemaMigrations.Migrate(this, stages);
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    /// <summary>
    /// Runs <paramref name="work"/> as one committed transaction: all of it is on disk when this returns,
    /// or none of it. Not reentrant: <paramref name="work"/> must not call <see cref="Write{T}"/>.
    /// </summary>
    public T Write<T>(Func<LiteDatabase, T> work)
    {
        lock (_writeGate)
        {
            if (!Database.BeginTrans())
            {
                throw new InvalidOperationException("A tutor database transaction is already open on this thread.");
            }

            try
            {
                var result = work(Database);
                Database.Commit();
                return result;
            }
            catch
            {
                Database.Rollback();
                throw;
            }
        }
    }

    public void Write(Action<LiteDatabase> work) => Write(db =>
    {
        work(db);
        return true;
    });

    public void Dispose() => Database.Dispose();
}
