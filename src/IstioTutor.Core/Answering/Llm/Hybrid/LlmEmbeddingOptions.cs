namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>
/// The <c>Llm:Embeddings</c> section. With an <see cref="EmbeddingModel"/> the LLM engine's retrieval fuses
/// BM25 with vector similarity (same provider, endpoint and key as chat); empty (the default) means BM25
/// alone. Checked at start by <c>LlmOptionsValidator</c>, since nested sections escape data annotations.
/// </summary>
public sealed class LlmEmbeddingOptions
{
    /// <summary>The embedding model id (openai) or deployment name (azure-openai); empty turns hybrid retrieval off.</summary>
    public string EmbeddingModel { get; set; } = "";

    /// <summary>Vector size to ask for (text-embedding-3 models accept it); 0 = the model's own.</summary>
    public int Dimensions { get; set; }

    /// <summary>Sections sent per embedding request while the section vectors are first computed.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Nearest sections taken from the vectors before fusing them with the BM25 ranking.</summary>
    public int VectorCandidates { get; set; } = 10;

    /// <summary>After the embedding service failed, how long questions use BM25 alone before it is tried again.</summary>
    public int RetryAfterFailureSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(EmbeddingModel);
}
