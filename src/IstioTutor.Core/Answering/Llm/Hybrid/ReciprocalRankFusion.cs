namespace IstioTutor.Core.Answering.Llm.Hybrid;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke &amp; Büttcher, SIGIR 2009): an item's score is the sum over
/// the rankings it appears in of 1 / (k + rank), rank 1-based. It needs no score calibration between
/// BM25 and cosine similarity, and k = 60 (the paper's value) keeps one list's top item from
/// outweighing an item both lists rank well.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int K = 60;

    /// <summary>Items of all rankings, best fused score first; ties keep the first ranking's order.</summary>
    public static IReadOnlyList<T> Fuse<T>(IEqualityComparer<T> comparer, params IReadOnlyList<T>[] rankings)
        where T : notnull
    {
        var scores = new Dictionary<T, (double Score, int FirstSeen)>(comparer);
        var order = 0;
        foreach (var ranking in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                var item = ranking[i];
                var add = 1.0 / (K + i + 1);
                scores[item] = scores.TryGetValue(item, out var s) ? (s.Score + add, s.FirstSeen) : (add, order++);
            }
        }

        return scores.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.FirstSeen).Select(p => p.Key).ToList();
    }
}
