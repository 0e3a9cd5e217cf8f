using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// The lessons' <c>asks</c> — questions as learners put them — in their own small index. A learner's
/// question that resembles a question a lesson's author wrote for that lesson is evidence for the lesson
/// that its sections' words alone may not give ("make every call in a namespace encrypted" shares few
/// words with "PeerAuthentication STRICT"). Kept apart from the sections so their BM25 statistics stay
/// their own.
/// </summary>
internal sealed class AskIndex : IDisposable
{
    private const string FieldPrefix = "ask_";

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _lessonOf;
    private readonly Analyzer _analyzer;

    public AskIndex(IReadOnlyList<LessonAsk> asks, Func<string, Analyzer> analyzerFor)
    {
        var perField = asks.Select(a => a.Lang).Distinct(StringComparer.Ordinal).ToDictionary(l => FieldPrefix + l, analyzerFor, StringComparer.Ordinal);
        // The wrapper does not dispose the analyzers it wraps; KnowledgeIndex owns them.
        _analyzer = new PerFieldAnalyzerWrapper(analyzerFor("en"), perField);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < asks.Count; i++)
            {
                writer.AddDocument(new Document
                {
                    new StoredField("idx", i),
                    new TextField(FieldPrefix + asks[i].Lang, asks[i].Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _lessonOf = new string[_reader.MaxDoc];
        for (var d = 0; d < _reader.MaxDoc; d++)
        {
            _lessonOf[d] = asks[_reader.Document(d).GetField("idx").GetInt32Value() ?? 0].LessonId;
        }
    }

    public int Count => _reader.NumDocs;

    /// <summary>
    /// Per lesson, how closely its best ask matches the question, relative to the best ask of any lesson
    /// (1 for the closest lesson, 0 for lessons none of whose asks share a term). Concepts the question
    /// names count with their other forms, as in the section search.
    /// </summary>
    public IReadOnlyDictionary<string, float> Resemblance(string lang, IReadOnlyCollection<string> terms, IReadOnlyList<ConceptMap.Concept> concepts)
    {
        var field = FieldPrefix + lang;
        var query = new BooleanQuery();
        foreach (var t in terms)
        {
            query.Add(new TermQuery(new Term(field, t)), Occur.SHOULD);
        }

        foreach (var c in concepts)
        {
            var any = new DisjunctionMaxQuery(0f) { Boost = 0.9f };
            foreach (var t in c.Terms.Where(t => !terms.Contains(t)))
            {
                any.Add(new TermQuery(new Term(field, t)));
            }

            if (any.Disjuncts.Count > 0)
            {
                query.Add(any, Occur.SHOULD);
            }
        }

        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        if (query.Clauses.Count == 0)
        {
            return best;
        }

        var top = _searcher.Search(query, 50).ScoreDocs;
        if (top.Length == 0)
        {
            return best;
        }

        var max = top[0].Score;
        foreach (var sd in top)
        {
            var lesson = _lessonOf[sd.Doc];
            if (!best.ContainsKey(lesson))
            {
                best[lesson] = sd.Score / max;
            }
        }

        return best;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
