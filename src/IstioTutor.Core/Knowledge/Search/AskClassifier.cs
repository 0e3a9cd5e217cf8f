using System.Numerics;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// A multinomial logistic regression from question words to lessons, trained on the lessons' own
/// <c>asks</c> (about 200 a lesson in each language). Where the closest single ask may belong to a sibling
/// ("STRICT" appears in the PERMISSIVE lesson's asks too), the classifier weighs every word by how well it
/// separates one lesson's asks from all the others', over all of them. Unlike naive Bayes, which it replaced,
/// it learns that a word every lesson's asks use says little even when one lesson uses it a bit more, so it
/// is far less often certain and wrong (with the refitted section score: development set 612 → 622 of 641
/// lessons, an unseen check 174 → 179 of 186).
/// Concepts the text names count as words of their own, so "상호 TLS" and "mTLS" agree.
/// </summary>
internal sealed class AskClassifier
{
    // Plain stochastic gradient descent, a fixed number of passes and a fixed shuffle: the index must come out
    // the same on every start. 10 passes at a rate of 1.5 (decaying as 1/pass) fit the asks without
    // memorising them; 5 or 20 passes and rates 0.5–1.5 moved the development set by at most five questions.
    private const int Passes = 10;
    private const float Rate = 1.5f;
    private const int ShuffleSeed = 17;

    private readonly Dictionary<string, Model> _byLang = new(StringComparer.Ordinal);

    public AskClassifier(IReadOnlyList<LessonAsk> asks, Func<string, string, IReadOnlyList<string>> features)
    {
        foreach (var lang in asks.GroupBy(a => a.Lang, StringComparer.Ordinal))
        {
            var lessons = lang.Select(a => a.LessonId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var lessonIndex = lessons.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            var examples = new List<(int[] Features, int Lesson)>();
            foreach (var a in lang)
            {
                // A word counts once per ask: asks are short, and a repeated word says no more.
                var ids = features(a.Lang, a.Text).Distinct(StringComparer.Ordinal)
                    .Select(f => vocabulary.TryGetValue(f, out var id) ? id : vocabulary[f] = vocabulary.Count)
                    .ToArray();
                if (ids.Length > 0)
                {
                    examples.Add((ids, lessonIndex[a.LessonId]));
                }
            }

            _byLang[lang.Key] = Train(lessons, vocabulary, examples);
        }
    }

    /// <summary>
    /// P(lesson | question) over the lessons of <paramref name="lang"/>, from the question's features;
    /// empty when the language has no asks or the question shares no word with them.
    /// <paramref name="temperature"/> above 1 makes it less certain.
    /// </summary>
    public IReadOnlyDictionary<string, double> Posterior(string lang, IReadOnlyCollection<string> features, double temperature)
    {
        if (!_byLang.TryGetValue(lang, out var model))
        {
            return new Dictionary<string, double>();
        }

        var ids = features.Distinct(StringComparer.Ordinal)
            .Select(f => model.Vocabulary.TryGetValue(f, out var id) ? id : -1)
            .Where(id => id >= 0)
            .ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<string, double>();
        }

        var p = new float[model.Lessons.Length];
        model.Scores(ids, p);
        Softmax(p, (float)temperature);
        var posterior = new Dictionary<string, double>(model.Lessons.Length, StringComparer.Ordinal);
        for (var c = 0; c < p.Length; c++)
        {
            posterior[model.Lessons[c]] = p[c];
        }

        return posterior;
    }

    private static Model Train(string[] lessons, Dictionary<string, int> vocabulary, List<(int[] Features, int Lesson)> examples)
    {
        var model = new Model(lessons, vocabulary, new float[vocabulary.Count * lessons.Length], new float[lessons.Length]);
        var k = lessons.Length;
        var p = new float[k];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(ShuffleSeed);
        for (var pass = 0; pass < Passes; pass++)
        {
            random.Shuffle(order);
            var rate = Rate / (1 + pass);
            foreach (var e in order)
            {
                var (ids, lesson) = examples[e];
                model.Scores(ids, p);
                Softmax(p, 1f);
                // The log-loss gradient: each lesson's probability, less one for the ask's own lesson.
                p[lesson] -= 1f;
                var step = rate * Model.Scale(ids.Length);
                foreach (var f in ids)
                {
                    AddScaled(model.Weights.AsSpan(f * k, k), p, -step);
                }

                for (var c = 0; c < k; c++)
                {
                    model.Bias[c] -= rate * p[c];
                }
            }
        }

        return model;
    }

    /// <summary>
    /// <paramref name="into"/>[c] += <paramref name="scale"/> × <paramref name="values"/>[c], a vector at a time (the
    /// training's inner loop). Each element is computed as the scalar loop would, so results do not change.
    /// </summary>
    private static void AddScaled(Span<float> into, ReadOnlySpan<float> values, float scale)
    {
        var c = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var by = new Vector<float>(scale);
            for (; c <= into.Length - Vector<float>.Count; c += Vector<float>.Count)
            {
                (new Vector<float>(into[c..]) + (new Vector<float>(values[c..]) * by)).CopyTo(into[c..]);
            }
        }

        for (; c < into.Length; c++)
        {
            into[c] += values[c] * scale;
        }
    }

    private static void Softmax(float[] z, float temperature)
    {
        var max = z.Max();
        var sum = 0f;
        for (var c = 0; c < z.Length; c++)
        {
            z[c] = MathF.Exp((z[c] - max) / temperature);
            sum += z[c];
        }

        for (var c = 0; c < z.Length; c++)
        {
            z[c] /= sum;
        }
    }

    /// <param name="Weights">One row of lesson weights per feature, row-major.</param>
    private sealed record Model(string[] Lessons, Dictionary<string, int> Vocabulary, float[] Weights, float[] Bias)
    {
        /// <summary>
        /// Each feature's value: a text's features together weigh as one (L2-normalised), so a long ask does
        /// not count for more than a short one.
        /// </summary>
        public static float Scale(int features) => 1f / MathF.Sqrt(features);

        public void Scores(int[] ids, float[] into)
        {
            var k = Lessons.Length;
            var x = Scale(ids.Length);
            Array.Copy(Bias, into, k);
            foreach (var f in ids)
            {
                AddScaled(into, Weights.AsSpan(f * k, k), x);
            }
        }
    }
}
