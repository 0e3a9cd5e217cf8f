namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// A multinomial naive Bayes classifier from question words to lessons, trained on the lessons' own
/// <c>asks</c> and objectives (several dozen a lesson in each language). Where the closest single ask may
/// belong to a sibling ("STRICT" appears in the PERMISSIVE lesson's asks too), the classifier weighs every
/// word by how much more often one lesson's asks use it than the others' do, over all of them.
/// Concepts the text names count as words of their own, so "상호 TLS" and "mTLS" agree.
/// </summary>
internal sealed class AskClassifier
{
    // Laplace smoothing: a word a lesson's asks never use still gets a little probability.
    private const double Smoothing = 0.3;

    private readonly Dictionary<string, Model> _byLang = new(StringComparer.Ordinal);

    public AskClassifier(IReadOnlyList<LessonAsk> asks, Func<string, string, IReadOnlyList<string>> features)
    {
        foreach (var lang in asks.GroupBy(a => a.Lang, StringComparer.Ordinal))
        {
            var lessons = lang.Select(a => a.LessonId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var counts = lessons.ToDictionary(l => l, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
            var vocabulary = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in lang)
            {
                // A word counts once per ask: asks are short, and a repeated word says no more.
                foreach (var f in features(a.Lang, a.Text).Distinct(StringComparer.Ordinal))
                {
                    counts[a.LessonId][f] = counts[a.LessonId].GetValueOrDefault(f) + 1;
                    vocabulary.Add(f);
                }
            }

            var logLikelihood = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
            var unseen = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var l in lessons)
            {
                var total = counts[l].Values.Sum() + (Smoothing * vocabulary.Count);
                logLikelihood[l] = counts[l].ToDictionary(kv => kv.Key, kv => Math.Log((kv.Value + Smoothing) / total), StringComparer.Ordinal);
                unseen[l] = Math.Log(Smoothing / total);
            }

            _byLang[lang.Key] = new Model(lessons, vocabulary, logLikelihood, unseen);
        }
    }

    /// <summary>
    /// P(lesson | question) over the lessons of <paramref name="lang"/>, from the question's features;
    /// empty when the language has no asks or the question shares no word with them. Every lesson is taken
    /// as equally likely beforehand. <paramref name="temperature"/> above 1 softens naive Bayes' habit of
    /// near-certainty.
    /// </summary>
    public IReadOnlyDictionary<string, double> Posterior(string lang, IReadOnlyCollection<string> features, double temperature)
    {
        if (!_byLang.TryGetValue(lang, out var model))
        {
            return new Dictionary<string, double>();
        }

        var known = features.Where(model.Vocabulary.Contains).Distinct(StringComparer.Ordinal).ToArray();
        if (known.Length == 0)
        {
            return new Dictionary<string, double>();
        }

        var log = model.Lessons.ToDictionary(
            l => l,
            l => known.Sum(f => model.LogLikelihood[l].TryGetValue(f, out var p) ? p : model.Unseen[l]) / temperature,
            StringComparer.Ordinal);
        var max = log.Values.Max();
        var z = log.Values.Sum(v => Math.Exp(v - max));
        return log.ToDictionary(kv => kv.Key, kv => Math.Exp(kv.Value - max) / z, StringComparer.Ordinal);
    }

    private sealed record Model(
        string[] Lessons,
        HashSet<string> Vocabulary,
        Dictionary<string, Dictionary<string, double>> LogLikelihood,
        Dictionary<string, double> Unseen);
}
