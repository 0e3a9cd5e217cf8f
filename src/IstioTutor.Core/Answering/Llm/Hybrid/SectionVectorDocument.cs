namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>One cached section vector: <see cref="Id"/> is the model key and the section's content hash, so an edited section misses the cache and an unchanged one never does.</summary>
public sealed class SectionVectorDocument
{
    public string Id { get; set; } = "";

    public string ModelKey { get; set; } = "";

    /// <summary>The vector as little-endian float32 bytes (a quarter of the size of a BSON double array).</summary>
    public byte[] Vector { get; set; } = [];
}
