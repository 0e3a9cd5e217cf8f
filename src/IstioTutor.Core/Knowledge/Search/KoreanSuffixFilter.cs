using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Strips particles and verb endings from Korean words before they are cut into bigrams: "게이트웨이를",
/// "게이트웨이에서는" and "게이트웨이" all become the same stem, and the junk bigrams that straddle a noun and
/// its particle ("별은", "정책을") no longer dilute the match. A light stemmer, not a morphological analyzer:
/// one-syllable particles are only taken from words of three syllables or more (so "효과", "권한" keep their
/// last syllable) and "도" never is (재시도, 속도), and the same rule runs on lessons and questions, so the two always agree.
/// </summary>
public sealed class KoreanSuffixFilter : TokenFilter
{
    /// <summary>Endings of two or more syllables; longest first so "에서는" wins over "는".</summary>
    private static readonly string[] LongEndings =
    [
        "하려면", "되려면", "으려면", "하나요", "되나요", "인가요", "있나요", "없나요", "했는데", "하는데", "되는데", "합니다", "됩니다", "입니다",
        "습니다", "에서는", "에서도", "으로는", "으로도", "에서의", "이라도", "이라는", "이라고", "해주세요", "알려줘", "할까요", "인지요",
        "려면", "나요", "가요", "까요", "는데", "은데", "인데", "에서", "에게", "으로", "로는", "로도", "까지", "부터", "처럼", "보다", "이나",
        "이랑", "와의", "과의", "에는", "에도", "하면", "되면", "이면", "해요", "해야", "하는", "되는", "한다", "된다", "하고", "하게", "해서",
        "되어", "돼요", "하죠", "이죠", "하기", "되기", "하지", "하다", "되다", "하여", "해줘", "인가", "이고", "이다", "였나",
    ];

    /// <summary>One-syllable particles, stripped only from words of three syllables or more.</summary>
    private static readonly string[] ShortEndings = ["은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "만", "랑", "요", "한", "된", "할"];

    private static readonly string HangulType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];

    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public KoreanSuffixFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_type.Type == HangulType && _term.Length > 1)
        {
            var word = _term.ToString();
            var stem = Stem(word);
            if (stem.Length != word.Length)
            {
                _term.SetEmpty().Append(stem);
            }
        }

        return true;
    }

    /// <summary>Up to two endings come off ("설정에서는" → "설정"); a word never shrinks to nothing.</summary>
    public static string Stem(string word)
    {
        for (var round = 0; round < 2; round++)
        {
            var cut = Strip(word);
            if (cut.Length == word.Length)
            {
                break;
            }

            word = cut;
        }

        return word;
    }

    private static string Strip(string word)
    {
        foreach (var ending in LongEndings)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        if (word.Length >= 3)
        {
            foreach (var ending in ShortEndings)
            {
                if (word.EndsWith(ending, StringComparison.Ordinal))
                {
                    return word[..^ending.Length];
                }
            }
        }

        return word;
    }
}
