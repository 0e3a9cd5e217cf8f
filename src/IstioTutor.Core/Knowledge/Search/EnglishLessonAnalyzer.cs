using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Lucene's English analysis (possessives, stop words, Porter stemming) with Istio identifiers split
/// into their words first (see <see cref="IdentifierParts"/>), also when typed lower-case (<see cref="IdentifierCase"/>).
/// </summary>
public sealed class EnglishLessonAnalyzer : Analyzer
{
    private readonly IdentifierCase _identifiers;

    internal EnglishLessonAnalyzer(IdentifierCase identifiers) => _identifiers = identifiers;

    /// <summary>"10%" is how learners write weights and sampling rates; the tokenizer would drop the sign.</summary>
    public static string SpellPercent(string text) => text.Contains('%', StringComparison.Ordinal) ? text.Replace("%", " percent ", StringComparison.Ordinal) : text;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new StringReader(SpellPercent(reader.ReadToEnd()));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, source);
        stream = new IdentifierCaseFilter(stream, _identifiers);
        stream = IdentifierParts.Split(stream);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, QuestionStopWords.ForEnglish);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
