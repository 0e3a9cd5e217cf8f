using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>
/// Orders the sections of an on-topic question for the model: the BM25 ranking alone, or — with an
/// embedding model configured — BM25 fused with the sections nearest to the question's vector by
/// <see cref="ReciprocalRankFusion"/>. Whether the question is answerable at all stays the BM25
/// retriever's decision: this is only asked once <see cref="Retrieval.OnTopic"/> is true, so vectors
/// can reorder and add sections but never make an off-topic question answerable.
/// </summary>
public sealed class HybridRetrieval(Kernel kernel, SectionVectorIndex index, ResilientEmbeddings embeddings, IOptions<LlmOptions> options)
{
    public async Task<IReadOnlyList<LessonSection>> RankAsync(string question, Retrieval retrieval, CancellationToken cancellationToken)
    {
        var lexical = retrieval.Hits.Select(h => h.Section).DistinctBy(SectionIds.Of).ToList();
        var o = options.Value.Embeddings;
        if (!o.Enabled || kernel.Services.GetService(typeof(IEmbeddingGenerator<string, Embedding<float>>)) is not IEmbeddingGenerator<string, Embedding<float>> generator)
        {
            return lexical;
        }

        var sections = await index.GetAsync(generator, cancellationToken);
        if (sections is null)
        {
            return lexical;
        }

        var query = await embeddings.EmbedAsync(generator, [question], cancellationToken);
        if (query is null)
        {
            return lexical;
        }

        var q = SectionVectorIndex.Normalize(query[0]);
        // Same language as the BM25 material; a similarity of zero or less says nothing in common.
        var semantic = sections
            .Where(s => s.Section.Lang == retrieval.Lang && s.Vector.Length == q.Length)
            .Select(s => (s.Section, Similarity: Dot(q, s.Vector)))
            .Where(s => s.Similarity > 0)
            .OrderByDescending(s => s.Similarity)
            .Take(o.VectorCandidates)
            .Select(s => s.Section)
            .ToList();
        return ReciprocalRankFusion.Fuse(SectionComparer.Instance, lexical, semantic);
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Sections are the same when their citation ids are: the id is what the model sees.</summary>
    private sealed class SectionComparer : IEqualityComparer<LessonSection>
    {
        public static readonly SectionComparer Instance = new();

        public bool Equals(LessonSection? x, LessonSection? y) =>
            x is not null && y is not null && x.Lang == y.Lang && SectionIds.Of(x) == SectionIds.Of(y);

        public int GetHashCode(LessonSection obj) => HashCode.Combine(obj.Lang, SectionIds.Of(obj));
    }
}
