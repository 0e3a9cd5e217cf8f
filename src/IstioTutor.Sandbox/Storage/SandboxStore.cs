using System.Text.Json.Nodes;
using LiteDB;

namespace IstioTutor.Sandbox.Storage;

/// <summary>
/// Every object of the sandbox, kept in memory for fast reads and written to a LiteDB file
/// (<c>sandbox.db</c>) so a restart keeps every learner's sandbox. Objects are keyed by group and plural,
/// not version: Istio's CRD versions share one schema, so any served version reads the same object.
/// Changes are staged as they are made and <see cref="Commit"/> writes the staged ones as one LiteDB
/// transaction; the API commits before it replies, so an acknowledged write survives the process being
/// killed. A commit that fails undoes the staged changes in memory too, so what is served is what is on disk.
/// Not thread-safe by itself: <see cref="Api.ResourceApi"/> serialises access.
/// </summary>
internal sealed class SandboxStore : IDisposable
{
    private const string CounterId = "resourceVersion";

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _objects;
    private readonly ILiteCollection<BsonDocument> _meta;
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _buckets = new(StringComparer.Ordinal);
    private readonly List<StagedWrite> _staged = [];
    private readonly List<StoreChange> _pendingChanges = [];
    private readonly Queue<StoreChange> _history = new();
    private readonly int _historySize;
    private long _committedVersion;
    private long _oldestKept;

    /// <param name="path">The LiteDB file.</param>
    /// <param name="historySize">How many committed changes are kept for watches that resume from a resourceVersion.</param>
    public SandboxStore(string path, int historySize = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historySize, 1);
        _historySize = historySize;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        _objects = _database.GetCollection("objects");
        _meta = _database.GetCollection("meta");
        ResourceVersion = _committedVersion = _meta.FindById(CounterId)?["value"].AsInt64 ?? 0;
        _oldestKept = _committedVersion;
        foreach (var doc in _objects.FindAll())
        {
            var obj = JsonNode.Parse(doc["json"].AsString)!.AsObject();
            Bucket(doc["bucket"].AsString).Add(NameOf(obj), obj);
        }
    }

    /// <summary>The global counter: every write takes the next value, as etcd's revision does.</summary>
    public long ResourceVersion { get; private set; }

    public bool IsEmpty => _buckets.Values.All(b => b.Count == 0);

    public static string BucketKey(string group, string plural, string ns) => $"{group}/{plural}/{ns}";

    public JsonObject? Find(string group, string plural, string ns, string name) =>
        _buckets.TryGetValue(BucketKey(group, plural, ns), out var bucket) && bucket.TryGetValue(name, out var obj) ? obj : null;

    /// <summary>Objects of one type, in one namespace or (ns null) in all, ordered by namespace then name.</summary>
    public IEnumerable<JsonObject> List(string group, string plural, string? ns)
    {
        if (ns is not null)
        {
            return _buckets.TryGetValue(BucketKey(group, plural, ns), out var bucket) ? bucket.Values : [];
        }

        var prefix = $"{group}/{plural}/";
        return _buckets.Where(b => b.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .SelectMany(b => b.Value.Values);
    }

    /// <summary>Stages <paramref name="obj"/> under the next resourceVersion, which it writes into the object.</summary>
    public void Put(string group, string plural, string ns, JsonObject obj)
    {
        var version = ResourceVersion + 1;
        ((JsonObject)obj["metadata"]!)["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bucketKey = BucketKey(group, plural, ns);
        var name = NameOf(obj);
        var bucket = Bucket(bucketKey);
        var previous = bucket.GetValueOrDefault(name);
        _staged.Add(new StagedWrite(bucketKey, name, obj.ToJsonString(), previous));
        _pendingChanges.Add(new StoreChange(version, previous is null ? WatchEventType.Added : WatchEventType.Modified, group, plural, ns, obj, previous));
        ResourceVersion = version;
        bucket[name] = obj;
    }

    public void Remove(string group, string plural, string ns, string name)
    {
        var bucketKey = BucketKey(group, plural, ns);
        ResourceVersion++;
        if (_buckets.TryGetValue(bucketKey, out var bucket) && bucket.Remove(name, out var previous))
        {
            _staged.Add(new StagedWrite(bucketKey, name, null, previous));
            _pendingChanges.Add(new StoreChange(ResourceVersion, WatchEventType.Deleted, group, plural, ns, Tombstone(previous, ResourceVersion), previous));
        }
    }

    /// <summary>The resourceVersion of the oldest change still kept: a watch from an older version is told 410 Gone.</summary>
    public long OldestKeptVersion => _oldestKept;

    /// <summary>Committed changes after <paramref name="resourceVersion"/>, oldest first (null when they are no longer all kept).</summary>
    public IReadOnlyList<StoreChange>? ChangesSince(long resourceVersion) =>
        resourceVersion < _oldestKept ? null : _history.Where(c => c.Version > resourceVersion).ToList();

    private static JsonObject Tombstone(JsonObject previous, long version)
    {
        var copy = previous.DeepClone().AsObject();
        ((JsonObject)copy["metadata"]!)["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return copy;
    }

    /// <summary>Removes every namespaced object of <paramref name="ns"/> (not the Namespace object itself).</summary>
    public void RemoveNamespaceContents(string ns)
    {
        var suffix = "/" + ns;
        foreach (var (key, bucket) in _buckets.Where(b => b.Key.EndsWith(suffix, StringComparison.Ordinal) && b.Key.Count(c => c == '/') == 2).ToList())
        {
            var parts = key.Split('/');
            foreach (var (name, previous) in bucket.ToList())
            {
                _staged.Add(new StagedWrite(key, name, null, previous));
                ResourceVersion++;
                _pendingChanges.Add(new StoreChange(ResourceVersion, WatchEventType.Deleted, parts[0], parts[1], ns, Tombstone(previous, ResourceVersion), previous));
            }

            bucket.Clear();
        }
    }

    /// <summary>
    /// Writes every staged change in one LiteDB transaction; when this returns they are in the file (the
    /// operating system holds them even if this process is killed next). If the file cannot be written,
    /// the staged changes are undone in memory as well and an <see cref="IOException"/> says why.
    /// Returns the changes it committed, for watches.
    /// </summary>
    public IReadOnlyList<StoreChange> Commit()
    {
        if (_staged.Count == 0 && ResourceVersion == _committedVersion)
        {
            return [];
        }

        try
        {
            if (!_database.BeginTrans())
            {
                throw new InvalidOperationException("a sandbox transaction is already open");
            }

            foreach (var write in _staged)
            {
                var id = $"{write.Bucket}/{write.Name}";
                if (write.Json is null)
                {
                    _objects.Delete(id);
                }
                else
                {
                    _objects.Upsert(new BsonDocument { ["_id"] = id, ["bucket"] = write.Bucket, ["json"] = write.Json });
                }
            }

            _meta.Upsert(new BsonDocument { ["_id"] = CounterId, ["value"] = ResourceVersion });
            _database.Commit();
            _committedVersion = ResourceVersion;
            _staged.Clear();
            var committed = _pendingChanges.ToList();
            _pendingChanges.Clear();
            foreach (var change in committed)
            {
                _history.Enqueue(change);
            }

            while (_history.Count > _historySize)
            {
                _oldestKept = _history.Dequeue().Version;
            }

            return committed;
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidOperationException)
        {
            _database.Rollback();
            Undo();
            throw new IOException($"The sandbox data file could not be written, so nothing was changed: {e.Message}", e);
        }
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Puts memory back as it was at the last commit, newest change first.</summary>
    private void Undo()
    {
        for (var i = _staged.Count - 1; i >= 0; i--)
        {
            var write = _staged[i];
            var bucket = Bucket(write.Bucket);
            if (write.Previous is null)
            {
                bucket.Remove(write.Name);
            }
            else
            {
                bucket[write.Name] = write.Previous;
            }
        }

        _staged.Clear();
        _pendingChanges.Clear();
        ResourceVersion = _committedVersion;
    }

    private static string NameOf(JsonObject obj) => (string)obj["metadata"]!["name"]!;

    private SortedDictionary<string, JsonObject> Bucket(string key)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _buckets[key] = bucket;
        }

        return bucket;
    }

    /// <summary>One staged change: an upsert (Json set) or a delete (Json null), and the object it replaced, to undo it.</summary>
    private sealed record StagedWrite(string Bucket, string Name, string? Json, JsonObject? Previous);
}
