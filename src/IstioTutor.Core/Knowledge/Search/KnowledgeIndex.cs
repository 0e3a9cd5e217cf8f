using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
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
/// analysis: English is stemmed, Korean is cut into bigrams. Three fields per section — headings, terms
/// (keywords, resource kinds, lesson id) and body — are searched together, headings and terms weighted up.
/// Thread-safe for searching once built.
/// </summary>
public sealed partial class KnowledgeIndex : IDisposable
{
    private const string Head = "head_";
    private const string Terms = "terms_";
    private const string Body = "body_";
    private const int MaxQueryTerms = 64;

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<LessonSection> _sections;
    private readonly HashSet<string>[] _sectionTerms;
    private readonly Dictionary<string, Analyzer> _byLang;
    private readonly Analyzer _analyzer;
    private readonly Func<LessonSection, IReadOnlyList<string>> _keywordsOf;

    /// <param name="keywordsOf">
    /// The lesson's keywords for a section. They go into every section's terms field so that, for
    /// instance, "카나리" finds the canary lesson's sections even where the prose says "canary".
    /// </param>
    public KnowledgeIndex(IReadOnlyList<LessonSection> sections, Func<LessonSection, IReadOnlyList<string>>? keywordsOf = null)
    {
        _sections = sections;
        _keywordsOf = keywordsOf ?? (_ => []);
        _byLang = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            ["en"] = new EnglishAnalyzer(LuceneVersion.LUCENE_48, QuestionStopWords.ForEnglish),
            ["ko"] = new KoreanBigramAnalyzer(),
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
        };
        _sectionTerms = new HashSet<string>[sections.Count];
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
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Count => _sections.Count;

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

    /// <summary>Sections in <paramref name="lang"/> ranked by BM25 over heading, terms and body.</summary>
    public IReadOnlyList<SearchHit> Search(string text, string lang, int max)
    {
        var terms = Analyze(lang, text).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToArray();
        if (terms.Length == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var t in terms)
        {
            // Per term the best field counts, with a little from the others: a word in a heading and in
            // the body should not count double.
            var perTerm = new DisjunctionMaxQuery(0.3f)
            {
                new TermQuery(new Term(Head + lang, t)) { Boost = 2.0f },
                new TermQuery(new Term(Terms + lang, t)) { Boost = 1.6f },
                new TermQuery(new Term(Body + lang, t)),
            };
            query.Add(perTerm, Occur.SHOULD);
        }

        var idf = terms.ToDictionary(t => t, t => Idf(lang, t), StringComparer.Ordinal);
        var total = idf.Values.Sum();
        var top = _searcher.Search(query, max);
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (var sd in top.ScoreDocs)
        {
            var i = _searcher.Doc(sd.Doc).GetField("idx").GetInt32Value() ?? -1;
            var own = _sectionTerms[i];
            var covered = terms.Where(own.Contains).Sum(t => idf[t]);
            hits.Add(new SearchHit(_sections[i], sd.Score, total <= 0 ? 0 : covered / total));
        }

        return hits;
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
        var terms = string.Join(" ", _keywordsOf(s).Concat(kinds).Append(s.LessonId.Replace('-', ' ')));
        var code = string.Join("\n", s.CodeBlocks.Select(c => c.Code));
        return (s.HeadingPath, terms, s.Prose + "\n" + code);
    }

    [GeneratedRegex(@"(?m)^\s*kind:\s*(\w+)")]
    private static partial Regex KindLine();

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
