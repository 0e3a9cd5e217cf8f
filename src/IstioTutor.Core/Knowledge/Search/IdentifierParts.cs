using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Istio's field and enum names are written as one token in YAML and as words in questions:
/// "perTryTimeout" must meet "per try timeout", "http1MaxPendingRequests" "pending requests",
/// "LEAST_REQUEST" "least request". The original token is kept beside its parts, so a learner who types
/// the exact field name still matches it exactly.
/// </summary>
internal static class IdentifierParts
{
    private const WordDelimiterFlags Flags =
        WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS |
        WordDelimiterFlags.SPLIT_ON_CASE_CHANGE | WordDelimiterFlags.PRESERVE_ORIGINAL;

    public static TokenStream Split(TokenStream input) => new WordDelimiterFilter(LuceneVersion.LUCENE_48, input, Flags, null);
}
