using System.Runtime.InteropServices;
using IstioTutor.Core.Progress.Storage;
using LiteDB;

namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>
/// Section vectors in the tutor's LiteDB file, keyed by model and section content hash, so a restart
/// embeds nothing and a changed lesson re-embeds only the sections whose text changed.
/// </summary>
public sealed class SectionVectorCache
{
    public const string Collection = "llm_section_vectors";

    private readonly ILiteCollection<SectionVectorDocument> _vectors;

    public SectionVectorCache(TutorDatabase database)
    {
        _vectors = database.Database.GetCollection<SectionVectorDocument>(Collection);
        _vectors.EnsureIndex(d => d.ModelKey);
    }

    public static string Id(string modelKey, string contentHash) => modelKey + "|" + contentHash;

    public float[]? Find(string modelKey, string contentHash) =>
        _vectors.FindById(Id(modelKey, contentHash)) is { } d ? MemoryMarshal.Cast<byte, float>(d.Vector).ToArray() : null;

    public void Store(string modelKey, string contentHash, float[] vector) =>
        _vectors.Upsert(new SectionVectorDocument
        {
            Id = Id(modelKey, contentHash),
            ModelKey = modelKey,
            Vector = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray(),
        });

    /// <summary>Deletes this model's vectors for sections that no longer exist (edited or removed), so the file does not grow with every edit.</summary>
    public int Prune(string modelKey, IReadOnlySet<string> liveIds)
    {
        var stale = _vectors.Query().Where(d => d.ModelKey == modelKey).Select(d => d.Id).ToList().Where(id => !liveIds.Contains(id)).ToList();
        foreach (var id in stale)
        {
            _vectors.Delete(id);
        }

        return stale.Count;
    }

    public int Count(string modelKey) => _vectors.Count(d => d.ModelKey == modelKey);
}
