using IstioTutor.Core.Knowledge;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// The yardstick for the engine: plain BM25 with Lucene's StandardAnalyzer over the same sections, one
/// text field, no stemming, no bigrams, no stage preference and no refusal — it answers with the top
/// section whenever anything matches.
/// </summary>
public sealed class Bm25Baseline : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly StandardAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<LessonSection> _sections;

    public Bm25Baseline(IReadOnlyList<LessonSection> sections)
    {
        _sections = sections;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                writer.AddDocument(new Document
                {
                    new StoredField("idx", i),
                    new StringField("lang", s.Lang, Field.Store.NO),
                    new TextField("text", s.HeadingPath + "\n" + s.Prose + "\n" + string.Join("\n", s.CodeBlocks.Select(c => c.Code)), Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The best <paramref name="count"/> sections in <paramref name="lang"/> for the question, best first; empty when no term matches.</summary>
    public IReadOnlyList<LessonSection> Top(string question, string lang, int count)
    {
        var parser = new QueryParser(LuceneVersion.LUCENE_48, "text", _analyzer);
        Query text;
        try
        {
            text = parser.Parse(QueryParserBase.Escape(question));
        }
        catch (ParseException)
        {
            return [];
        }

        var query = new BooleanQuery
        {
            { new TermQuery(new Term("lang", lang)), Occur.MUST },
            { text, Occur.MUST },
        };
        return _searcher.Search(query, count).ScoreDocs
            .Select(d => _sections[_searcher.Doc(d.Doc).GetField("idx").GetInt32Value() ?? 0])
            .ToArray();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
