namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// The lessons' <c>asks</c> — questions as learners put them — and their objectives, as analyzed term
/// sets. A learner's question that resembles a question a lesson's author wrote for that lesson is
/// evidence for the lesson that its sections' words alone may not give ("make every call in a namespace
/// encrypted" shares few words with "PeerAuthentication STRICT"). Kept apart from the sections' index so
/// their BM25 statistics stay their own; a few thousand short texts need no more than term sets.
/// </summary>
internal sealed class AskIndex
{
    /// <summary>How many of the closest asks vote (chosen on the development set: 5 beat 1 and 10).</summary>
    private const int Voters = 5;

    private readonly Dictionary<string, Ask[]> _byLang;
    // Per language: how many asks hold a term, for its weight.
    private readonly Dictionary<string, Dictionary<string, int>> _askFrequency;
    private readonly Dictionary<string, Dictionary<string, List<int>>> _postings;

    public AskIndex(IReadOnlyList<LessonAsk> asks, Func<string, string, IReadOnlyList<string>> analyze)
    {
        _byLang = asks.GroupBy(a => a.Lang, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Select(a => new Ask(a.LessonId, analyze(a.Lang, a.Text).ToHashSet(StringComparer.Ordinal))).Where(a => a.Terms.Count > 0).ToArray(),
            StringComparer.Ordinal);
        _askFrequency = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        _postings = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
        foreach (var (lang, all) in _byLang)
        {
            var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < all.Length; i++)
            {
                foreach (var t in all[i].Terms)
                {
                    if (!postings.TryGetValue(t, out var list))
                    {
                        postings[t] = list = [];
                    }

                    list.Add(i);
                }
            }

            _postings[lang] = postings;
            _askFrequency[lang] = postings.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
            // An ask's own weight depends on the asks alone: summed once here, not on every question.
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = all[i] with { Weight = all[i].Terms.Sum(t => Weight(lang, t, all.Length)) };
            }
        }
    }

    /// <summary>
    /// Per lesson, its share of the votes of the <see cref="Voters"/> asks closest to the question, relative
    /// to the lesson with the most (1). An ask's closeness is the geometric mean of the share of the
    /// question's weight the ask holds and the share of the ask's weight the question holds, each term
    /// weighted by how rare it is among the asks; a concept the question names is held by an ask that has
    /// any of its forms. Lessons with no voting ask are absent.
    /// </summary>
    public IReadOnlyDictionary<string, float> Resemblance(string lang, IReadOnlyCollection<string> terms, IReadOnlyList<ConceptMap.Concept> concepts)
    {
        if (!_byLang.TryGetValue(lang, out var all) || terms.Count == 0)
        {
            return new Dictionary<string, float>();
        }

        var postings = _postings[lang];
        // Each question term with the forms that count as it (itself, or any form of a concept it belongs to).
        var wanted = terms.Select(t => (Term: t, Forms: concepts.Where(c => c.Terms.Contains(t)).SelectMany(c => c.Terms).Append(t).ToHashSet(StringComparer.Ordinal))).ToArray();
        var questionWeight = wanted.Sum(w => Weight(lang, w.Term, all.Length));
        // Accumulated term by term over the postings, so an ask costs only the terms it shares: the share of
        // the question's weight each ask holds (a term counts once, whichever of its forms the ask has), and
        // the weight of the distinct forms it matched, each once however many question terms it serves.
        var heldOfQuestion = new Dictionary<int, double>();
        var heldOfAsk = new Dictionary<int, double>();
        var hitByTerm = new HashSet<int>();
        foreach (var w in wanted)
        {
            hitByTerm.Clear();
            foreach (var f in w.Forms)
            {
                if (postings.TryGetValue(f, out var list))
                {
                    hitByTerm.UnionWith(list);
                }
            }

            var weight = Weight(lang, w.Term, all.Length);
            foreach (var i in hitByTerm)
            {
                heldOfQuestion[i] = heldOfQuestion.GetValueOrDefault(i) + weight;
            }
        }

        foreach (var f in wanted.SelectMany(w => w.Forms).Distinct(StringComparer.Ordinal))
        {
            if (postings.TryGetValue(f, out var list))
            {
                var weight = Weight(lang, f, all.Length);
                foreach (var i in list)
                {
                    heldOfAsk[i] = heldOfAsk.GetValueOrDefault(i) + weight;
                }
            }
        }

        var scored = new List<(string Lesson, float Score)>(heldOfQuestion.Count);
        foreach (var (i, held) in heldOfQuestion)
        {
            var score = (float)Math.Sqrt(held / questionWeight * Math.Min(1, heldOfAsk[i] / all[i].Weight));
            if (score > 0)
            {
                scored.Add((all[i].LessonId, score));
            }
        }

        // The lessons of the closest few asks vote with their resemblance: one stray ask of a sibling that
        // happens to share a word is outvoted by several asks of the lesson the question is about.
        var votes = scored.OrderByDescending(x => x.Score).ThenBy(x => x.Lesson, StringComparer.Ordinal).Take(Voters)
            .GroupBy(x => x.Lesson, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Score), StringComparer.Ordinal);
        var most = votes.Count == 0 ? 0 : votes.Values.Max();
        return most <= 0 ? new Dictionary<string, float>() : votes.ToDictionary(kv => kv.Key, kv => kv.Value / most, StringComparer.Ordinal);
    }

    /// <summary>Inverse ask frequency: a term in few asks tells lessons apart, one in many does not.</summary>
    private double Weight(string lang, string term, int n) =>
        Math.Log(1 + ((n + 0.5) / (_askFrequency[lang].GetValueOrDefault(term) + 0.5)));

    private sealed record Ask(string LessonId, HashSet<string> Terms)
    {
        /// <summary>The sum of the ask's term weights, set once the language's asks are all counted.</summary>
        public double Weight { get; init; }
    }
}
