using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Korean text as overlapping syllable bigrams of each word's stem (Korean writes particles onto nouns
/// without spaces: "가중치를" must still match "가중치"; <see cref="KoreanSuffixFilter"/> takes them off first). English words inside Korean text are lower-cased and
/// Porter-stemmed like in English lessons, and "VirtualService에서" is split at the script boundary
/// first so the resource name survives as its own token.
/// </summary>
public sealed partial class KoreanBigramAnalyzer : Analyzer
{
    private readonly IdentifierCase _identifiers;

    internal KoreanBigramAnalyzer(IdentifierCase identifiers) => _identifiers = identifiers;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new KoreanSuffixFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, QuestionStopWords.ForKoreanWords);
        stream = new CJKBigramFilter(stream);
        stream = new IdentifierCaseFilter(stream, _identifiers);
        stream = IdentifierParts.Split(stream);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, QuestionStopWords.ForKorean);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new StringReader(EnglishLessonAnalyzer.SpellPercent(SeparateScripts(reader.ReadToEnd())));

    /// <summary>Puts a space wherever Latin letters or digits meet Hangul.</summary>
    public static string SeparateScripts(string text) => ScriptBoundary().Replace(text, " ");

    [GeneratedRegex(@"(?<=[A-Za-z0-9])(?=[\uAC00-\uD7A3])|(?<=[\uAC00-\uD7A3])(?=[A-Za-z0-9])")]
    private static partial Regex ScriptBoundary();
}
