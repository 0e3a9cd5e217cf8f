using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// An in-memory Lucene index of lesson sections, one set of fields per language so each gets its own
/// analysis: English is stemmed, Korean is stemmed lightly and cut into bigrams, and Istio identifiers are
/// split into words in both. Three fields per section — headings, terms (keywords, resource kinds, YAML
/// field names, lesson id) and body — are searched together, headings and terms weighted up. Questions are
/// widened with the <see cref="ConceptMap"/>. Thread-safe for searching once built.
/// </summary>
public sealed partial class KnowledgeIndex : IDisposable
{
    private const string Head = "head_";
    private const string Terms = "terms_";
    private const string Body = "body_";
    private const int MaxQueryTerms = 64;
    private const float ConceptBoost = 0.9f;
    private const float PhraseBoost = 0.6f;
    private const int MaxPhrases = 12;
    // The ask classifier's probabilities as trained: logistic regression is not near-certain the way naive
    // Bayes was (when it replaced naive Bayes, temperatures 0.5 and 2 each cost the development set two questions).
    private const double FitTemperature = 1;
    // How many of a lesson's asks must use a word before the lesson counts as covering it.
    private const int MinAsksForCoverage = 2;

    /// <summary>Keys every manifest has; they say nothing about what a section teaches.</summary>
    private static readonly HashSet<string> BoilerplateKeys = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata", "name", "namespace", "spec", "labels", "annotations" };

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<LessonSection> _sections;
    private readonly HashSet<string>[] _sectionTerms;
    private readonly HashSet<string>[] _lessonTerms;
    // Lucene doc id → section index, read once so a search never loads stored fields.
    private readonly int[] _docToSection;
    // Every indexed term per field, so queries skip terms a field does not have.
    private readonly Dictionary<string, HashSet<string>> _vocabulary = new(StringComparer.Ordinal);
    // Per language, every indexed Latin term long enough to be a typo's intended word.
    private readonly Dictionary<string, string[]> _allTerms = new(StringComparer.Ordinal);
    // Per language, an identifier's analyzed whole form and the analyzed words it splits into ("envoyfilt" → "envoi", "filter").
    private readonly Dictionary<string, Dictionary<string, string[]>> _identifierParts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Analyzer> _byLang;
    private readonly Analyzer _analyzer;
    private readonly Func<LessonSection, IReadOnlyList<string>> _keywordsOf;
    private readonly AskIndex _asks;
    private readonly AskClassifier _classifier;

    /// <param name="keywordsOf">
    /// The lesson's keywords for a section. They go into every section's terms field so that, for
    /// instance, "카나리" finds the canary lesson's sections even where the prose says "canary".
    /// </param>
    /// <param name="asks">The lessons' <c>asks</c>: learners' questions each lesson answers.</param>
    public KnowledgeIndex(IReadOnlyList<LessonSection> sections, Func<LessonSection, IReadOnlyList<string>>? keywordsOf = null, IReadOnlyList<LessonAsk>? asks = null)
    {
        _sections = sections;
        _keywordsOf = keywordsOf ?? (_ => []);
        var identifiers = IdentifierCase.From(sections.Select(s => s.Markdown).Concat((asks ?? []).Select(a => a.Text)));
        _byLang = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            ["en"] = new EnglishLessonAnalyzer(identifiers),
            ["ko"] = new KoreanBigramAnalyzer(identifiers),
        };
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var (lang, analyzer) in _byLang)
        {
            perField[Head + lang] = analyzer;
            perField[Terms + lang] = analyzer;
            perField[Body + lang] = analyzer;
        }

        _analyzer = new PerFieldAnalyzerWrapper(_byLang["en"], perField);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        _sectionTerms = new HashSet<string>[sections.Count];
        var lessonTerms = new Dictionary<(string, string), HashSet<string>>();
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                var (head, terms, body) = FieldTexts(s);
                var doc = new Document
                {
                    new StoredField("idx", i),
                    new TextField(Head + s.Lang, head, Field.Store.NO),
                    new TextField(Terms + s.Lang, terms, Field.Store.NO),
                    new TextField(Body + s.Lang, body, Field.Store.NO),
                };
                writer.AddDocument(doc);
                _sectionTerms[i] = [.. Analyze(s.Lang, head + "\n" + terms + "\n" + body)];
                if (!lessonTerms.TryGetValue((s.LessonId, s.Lang), out var all))
                {
                    lessonTerms[(s.LessonId, s.Lang)] = all = new HashSet<string>(StringComparer.Ordinal);
                }

                all.UnionWith(_sectionTerms[i]);
            }

            writer.Commit();
        }

        // A lesson covers the words its asks use as well as its own: "오쏘리제이션 폴리시" is how learners write
        // the resource the lesson spells AuthorizationPolicy.
        // Each ask is analyzed once here; the coverage sets, the ask index and the classifier all read it.
        var askTerms = new Dictionary<(string Lang, string Text), IReadOnlyList<string>>();
        IReadOnlyList<string> AskTerms(string lang, string text) =>
            askTerms.TryGetValue((lang, text), out var known) ? known : askTerms[(lang, text)] = Analyze(lang, text);

        // Only words that recur in a lesson's asks count: with a hundred asks a lesson, one ask's passing word
        // ("the weather api hangs") would otherwise make "what's the weather tomorrow" look covered.
        foreach (var lesson in (asks ?? []).GroupBy(a => (a.LessonId, a.Lang)))
        {
            if (lessonTerms.TryGetValue(lesson.Key, out var all))
            {
                all.UnionWith(lesson.SelectMany(a => AskTerms(a.Lang, a.Text).Distinct(StringComparer.Ordinal))
                    .GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() >= MinAsksForCoverage).Select(g => g.Key));
            }
        }

        _lessonTerms = sections.Select(s => lessonTerms[(s.LessonId, s.Lang)]).ToArray();
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _docToSection = new int[_reader.MaxDoc];
        for (var d = 0; d < _reader.MaxDoc; d++)
        {
            _docToSection[d] = _reader.Document(d).GetField("idx").GetInt32Value() ?? -1;
        }

        foreach (var field in perField.Keys)
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            if (MultiFields.GetTerms(_reader, field) is { } indexed)
            {
                var e = indexed.GetEnumerator();
                while (e.MoveNext())
                {
                    words.Add(e.Term.Utf8ToString());
                }
            }

            _vocabulary[field] = words;
        }

        foreach (var lang in _byLang.Keys)
        {
            _allTerms[lang] = [.. _vocabulary[Head + lang].Concat(_vocabulary[Terms + lang]).Concat(_vocabulary[Body + lang])
                .Where(Spelling.Correctable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        foreach (var lang in _byLang.Keys)
        {
            _identifierParts[lang] = identifiers.Spellings
                .Select(spelled => Analyze(lang, spelled))
                .Where(t => t.Count > 1)
                .GroupBy(t => t[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Skip(1).ToArray(), StringComparer.Ordinal);
        }

        Concepts = new ConceptMap(_byLang.Keys, Analyze);
        _asks = new AskIndex(asks ?? [], AskTerms);
        _classifier = new AskClassifier(asks ?? [], (lang, text) => Features(lang, AskTerms(lang, text)));
    }

    public int Count => _sections.Count;

    /// <summary>The bilingual concept groups questions are widened with.</summary>
    public ConceptMap Concepts { get; }

    /// <summary>True when some section in <paramref name="lang"/> holds the analyzed <paramref name="term"/> in any field.</summary>
    public bool Holds(string lang, string term) =>
        _vocabulary.TryGetValue(Head + lang, out var head) && (head.Contains(term) || _vocabulary[Terms + lang].Contains(term) || _vocabulary[Body + lang].Contains(term));

    /// <summary>The question's analyzed terms in <paramref name="lang"/> (what the index compares).</summary>
    public IReadOnlyList<string> Analyze(string lang, string text)
    {
        var analyzer = _byLang.TryGetValue(lang, out var a) ? a : _byLang["en"];
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(Body + lang, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// Sections in <paramref name="lang"/> ranked by BM25 over heading, terms and body, with the concepts
    /// the question names adding their other forms as weaker terms.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string text, string lang, int max)
    {
        // In order and with repeats, for the classifier's word pairs; the query itself takes each term once.
        var analyzed = Corrected(lang, Analyze(lang, text)).ToArray();
        var terms = analyzed.Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToArray();
        if (terms.Length == 0)
        {
            return [];
        }

        var termSet = terms.ToHashSet(StringComparer.Ordinal);
        var concepts = Concepts.Matches(lang, termSet);
        var query = new BooleanQuery();
        foreach (var t in terms)
        {
            if (FieldsQuery(lang, t) is { } q)
            {
                query.Add(q, Occur.SHOULD);
            }
        }

        foreach (var c in concepts)
        {
            // A concept counts once however many forms it has: its best matching other form, at a discount.
            var any = new DisjunctionMaxQuery(0f) { Boost = ConceptBoost };
            foreach (var t in c.Terms)
            {
                if (!termSet.Contains(t) && FieldsQuery(lang, t) is { } q)
                {
                    any.Add(q);
                }
            }

            if (any.Disjuncts.Count > 0)
            {
                query.Add(any, Occur.SHOULD);
            }
        }

        if (lang == "en")
        {
            // Words the question puts side by side ("service account", "response header") count extra where
            // the lesson has them side by side too. Korean bigrams already carry adjacency.
            foreach (var phrase in Pairs(text).Take(MaxPhrases))
            {
                query.Add(phrase, Occur.SHOULD);
            }
        }

        var idf = terms.ToDictionary(t => t, t => Idf(lang, t), StringComparer.Ordinal);
        var total = idf.Values.Sum();
        var top = _searcher.Search(query, max);
        var resemblance = _asks.Resemblance(lang, termSet, concepts);
        var fit = _classifier.Posterior(lang, [.. terms, .. concepts.Select(ConceptFeature), .. Bigrams(analyzed)], FitTemperature);
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (var sd in top.ScoreDocs)
        {
            var i = _docToSection[sd.Doc];
            hits.Add(new SearchHit(_sections[i], sd.Score,
                Coverage(terms, idf, total, concepts, _sectionTerms[i]),
                Coverage(terms, idf, total, concepts, _lessonTerms[i]),
                resemblance.GetValueOrDefault(_sections[i].LessonId),
                fit.GetValueOrDefault(_sections[i].LessonId)));
        }

        return hits;
    }

    /// <summary>What the ask classifier reads of a text: its analyzed terms, their pairs and the concepts they name.</summary>
    private IReadOnlyList<string> Features(string lang, IReadOnlyList<string> terms) =>
        [.. terms, .. Concepts.Matches(lang, terms).Select(ConceptFeature), .. Bigrams(terms)];

    /// <summary>Neighbouring terms as one feature: "lock down" and "plain text" say more than their words.</summary>
    private static IEnumerable<string> Bigrams(IReadOnlyList<string> terms) => terms.Zip(terms.Skip(1), (a, b) => a + "+" + b);

    private static string ConceptFeature(ConceptMap.Concept c) => "§" + c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The question's terms with typos mended: a term no section of the language has is replaced by the
    /// nearest one that some section has (see <see cref="Spelling"/>), or kept when none is near. A term
    /// mended into an identifier ("envoyfliter") brings that identifier's words, as the spelled-out one would.
    /// </summary>
    public IEnumerable<string> Corrected(string lang, IEnumerable<string> terms)
    {
        foreach (var t in terms)
        {
            if (Holds(lang, t) || !Spelling.Correctable(t) || !_allTerms.TryGetValue(lang, out var all)
                || Spelling.Nearest(t, all, c => _reader.DocFreq(new Term(Body + lang, c))) is not { } mended)
            {
                yield return t;
                continue;
            }

            yield return mended;
            if (_identifierParts[lang].TryGetValue(mended, out var parts))
            {
                foreach (var p in parts)
                {
                    yield return p;
                }
            }
        }
    }

    /// <summary>Phrase queries (slop 1) over the English body for each pair of neighbouring question words.</summary>
    private IEnumerable<Query> Pairs(string text)
    {
        var positioned = new List<(int Position, string Term)>();
        using (var stream = _byLang["en"].GetTokenStream(Body + "en", new StringReader(text)))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                if (increment.PositionIncrement > 0)
                {
                    position += increment.PositionIncrement;
                    // The first token at a position is the whole word; identifier parts stacked on it are skipped.
                    positioned.Add((position, term.ToString()));
                }
            }

            stream.End();
        }

        for (var i = 1; i < positioned.Count; i++)
        {
            var (p0, t0) = positioned[i - 1];
            var (p1, t1) = positioned[i];
            if (p1 - p0 > 2 || t0 == t1)
            {
                continue;
            }

            var phrase = new PhraseQuery { Slop = 1, Boost = PhraseBoost };
            phrase.Add(new Term(Body + "en", t0), 0);
            phrase.Add(new Term(Body + "en", t1), p1 - p0);
            yield return phrase;
        }
    }

    /// <summary>Per term the best field counts, with a little from the others: a word in a heading and in the body should not count double.</summary>
    /// <remarks>
    /// Fields that lack the term are left out, and a term no field has gives no query at all: such clauses
    /// cannot match (BM25 has no coordination factor, so scores are unchanged) but cost time to set up.
    /// </remarks>
    private DisjunctionMaxQuery? FieldsQuery(string lang, string term)
    {
        var query = new DisjunctionMaxQuery(0.3f);
        if (_vocabulary[Head + lang].Contains(term))
        {
            query.Add(new TermQuery(new Term(Head + lang, term)) { Boost = 2.0f });
        }

        if (_vocabulary[Terms + lang].Contains(term))
        {
            query.Add(new TermQuery(new Term(Terms + lang, term)) { Boost = 1.6f });
        }

        if (_vocabulary[Body + lang].Contains(term))
        {
            query.Add(new TermQuery(new Term(Body + lang, term)));
        }

        return query.Disjuncts.Count == 0 ? null : query;
    }

    /// <summary>
    /// IDF-weighted share of the question's terms found in <paramref name="own"/>; a term that belongs to a
    /// concept the question names is found when any form of that concept is.
    /// </summary>
    private static double Coverage(string[] terms, Dictionary<string, double> idf, double total, IReadOnlyList<ConceptMap.Concept> concepts, HashSet<string> own)
    {
        if (total <= 0)
        {
            return 0;
        }

        HashSet<string>? viaConcept = null;
        foreach (var c in concepts)
        {
            // Iterate the concept's few terms, not the lesson's thousands.
            if (own.Overlaps(c.Terms))
            {
                (viaConcept ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(c.Terms);
            }
        }

        var covered = 0.0;
        foreach (var t in terms)
        {
            if (own.Contains(t) || (viaConcept?.Contains(t) ?? false))
            {
                covered += idf[t];
            }
        }

        return covered / total;
    }

    /// <summary>BM25's idf over the body field; terms no section of the language has weigh the most.</summary>
    private double Idf(string lang, string term)
    {
        var n = Math.Max(1, _reader.NumDocs);
        var df = Math.Max(_reader.DocFreq(new Term(Body + lang, term)), _reader.DocFreq(new Term(Terms + lang, term)));
        return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
    }

    private (string Head, string Terms, string Body) FieldTexts(LessonSection s)
    {
        var kinds = s.CodeBlocks.SelectMany(c => KindLine().Matches(c.Code).Select(m => m.Groups[1].Value));
        // YAML keys name the fields a section teaches (perTryTimeout, outlierDetection): they describe the
        // section as much as its keywords do.
        var fields = s.CodeBlocks.Where(c => c.IsYaml).SelectMany(c => YamlKey().Matches(c.Code).Select(m => m.Groups[1].Value))
            .Where(k => !BoilerplateKeys.Contains(k)).Distinct(StringComparer.Ordinal);
        var terms = string.Join(" ", _keywordsOf(s).Concat(kinds).Concat(fields).Append(s.LessonId.Replace('-', ' ')).Append(s.LessonTitle));
        var code = string.Join("\n", s.CodeBlocks.Select(c => c.Code));
        // The heading field holds the section's own headings; the lesson title (shared by every section of
        // the lesson) goes with the terms, or it would make all of a lesson's sections look alike.
        var head = s.HeadingPath.StartsWith(s.LessonTitle, StringComparison.Ordinal) ? s.HeadingPath[s.LessonTitle.Length..] : s.HeadingPath;
        return (head, terms, s.Prose + "\n" + code);
    }

    [GeneratedRegex(@"(?m)^\s*kind:\s*(\w+)")]
    private static partial Regex KindLine();

    [GeneratedRegex(@"(?m)^\s*(?:-\s+)?([A-Za-z][A-Za-z0-9]*):")]
    private static partial Regex YamlKey();

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        foreach (var a in _byLang.Values)
        {
            a.Dispose();
        }
    }
}
