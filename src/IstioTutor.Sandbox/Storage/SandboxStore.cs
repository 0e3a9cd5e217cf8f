using System.Text.Json.Nodes;
using System.Threading.Channels;
using LiteDB;

namespace IstioTutor.Sandbox.Storage;

/// <summary>
/// Every object of the sandbox, kept in memory for fast reads and written through to a LiteDB file
/// (<c>sandbox.db</c>) so a restart keeps every learner's sandbox. Objects are keyed by group and plural,
/// not version: Istio's CRD versions share one schema, so any served version reads the same object.
/// Writes reach the file through one background writer that batches them into LiteDB transactions, so
/// a request never waits on the disk; <see cref="Dispose"/> drains the queue, so a normal stop loses
/// nothing (a killed process may lose its last few milliseconds of writes).
/// Not thread-safe by itself: <see cref="Api.ResourceApi"/> serialises access.
/// </summary>
internal sealed class SandboxStore : IDisposable
{
    private const string CounterId = "resourceVersion";

    private readonly LiteDatabase database;
    private readonly ILiteCollection<BsonDocument> objects;
    private readonly ILiteCollection<BsonDocument> meta;
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> buckets = new(StringComparer.Ordinal);
    private readonly Channel<PendingWrite> pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private Exception? writeFailure;

    public SandboxStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        objects = database.GetCollection("objects");
        meta = database.GetCollection("meta");
        ResourceVersion = meta.FindById(CounterId)?["value"].AsInt64 ?? 0;
        foreach (var doc in objects.FindAll())
        {
            var obj = JsonNode.Parse(doc["json"].AsString)!.AsObject();
            Bucket(doc["bucket"].AsString).Add(NameOf(obj), obj);
        }

        writer = Task.Run(WriteBehindAsync);
    }

    /// <summary>The global counter: every write takes the next value, as etcd's revision does.</summary>
    public long ResourceVersion { get; private set; }

    public bool IsEmpty => buckets.Values.All(b => b.Count == 0);

    public static string BucketKey(string group, string plural, string ns) => $"{group}/{plural}/{ns}";

    public JsonObject? Find(string group, string plural, string ns, string name) =>
        buckets.TryGetValue(BucketKey(group, plural, ns), out var bucket) && bucket.TryGetValue(name, out var obj) ? obj : null;

    /// <summary>Objects of one type, in one namespace or (ns null) in all, ordered by namespace then name.</summary>
    public IEnumerable<JsonObject> List(string group, string plural, string? ns)
    {
        if (ns is not null)
        {
            return buckets.TryGetValue(BucketKey(group, plural, ns), out var bucket) ? bucket.Values : [];
        }

        var prefix = $"{group}/{plural}/";
        return buckets.Where(b => b.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .SelectMany(b => b.Value.Values);
    }

    /// <summary>Stores <paramref name="obj"/> under the next resourceVersion, which it writes into the object.</summary>
    public void Put(string group, string plural, string ns, JsonObject obj)
    {
        var version = ResourceVersion + 1;
        ((JsonObject)obj["metadata"]!)["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bucketKey = BucketKey(group, plural, ns);
        var name = NameOf(obj);
        Enqueue(new PendingWrite($"{bucketKey}/{name}", bucketKey, obj.ToJsonString(), version));
        ResourceVersion = version;
        Bucket(bucketKey)[name] = obj;
    }

    public void Remove(string group, string plural, string ns, string name)
    {
        var bucketKey = BucketKey(group, plural, ns);
        Enqueue(new PendingWrite($"{bucketKey}/{name}", null, null, ResourceVersion + 1));
        ResourceVersion++;
        if (buckets.TryGetValue(bucketKey, out var bucket))
        {
            bucket.Remove(name);
        }
    }

    /// <summary>Removes every namespaced object of <paramref name="ns"/> (not the Namespace object itself).</summary>
    public void RemoveNamespaceContents(string ns)
    {
        var suffix = "/" + ns;
        foreach (var (key, bucket) in buckets.Where(b => b.Key.EndsWith(suffix, StringComparison.Ordinal) && b.Key.Count(c => c == '/') == 2).ToList())
        {
            foreach (var name in bucket.Keys.ToList())
            {
                Enqueue(new PendingWrite($"{key}/{name}", null, null, ResourceVersion));
            }

            bucket.Clear();
        }
    }

    public void Dispose()
    {
        pending.Writer.TryComplete();
        writer.GetAwaiter().GetResult();
        database.Dispose();
    }

    private void Enqueue(PendingWrite write)
    {
        if (writeFailure is not null)
        {
            throw new IOException($"The sandbox data file can no longer be written: {writeFailure.Message}", writeFailure);
        }

        pending.Writer.TryWrite(write);
    }

    /// <summary>Applies queued writes in batches, one LiteDB transaction each, in the order they were made.</summary>
    private async Task WriteBehindAsync()
    {
        var batch = new List<PendingWrite>();
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < 512 && pending.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                database.BeginTrans();
                foreach (var write in batch)
                {
                    if (write.Json is null)
                    {
                        objects.Delete(write.Id);
                    }
                    else
                    {
                        objects.Upsert(new BsonDocument { ["_id"] = write.Id, ["bucket"] = write.Bucket, ["json"] = write.Json });
                    }
                }

                meta.Upsert(new BsonDocument { ["_id"] = CounterId, ["value"] = batch.Max(w => w.ResourceVersion) });
                database.Commit();
            }
            catch (LiteException e)
            {
                database.Rollback();
                writeFailure = e;
            }
            catch (IOException e)
            {
                database.Rollback();
                writeFailure = e;
            }

            batch.Clear();
        }
    }

    private static string NameOf(JsonObject obj) => (string)obj["metadata"]!["name"]!;

    private SortedDictionary<string, JsonObject> Bucket(string key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            buckets[key] = bucket;
        }

        return bucket;
    }

    /// <summary>One queued change of the file: an upsert (Json set) or a delete (Json null).</summary>
    private sealed record PendingWrite(string Id, string? Bucket, string? Json, long ResourceVersion);
}
