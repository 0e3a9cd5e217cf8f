using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Words that carry no topic: Lucene's English stop words plus question and filler words, and for
/// Korean the bigrams of common endings and particles ("어떻게 하나요" → 어떻, 떻게, 하나, 나요). Removed
/// from lessons and questions alike, so coverage measures topic words only.
/// </summary>
internal static class QuestionStopWords
{
    private static readonly string[] English =
    [
        "how", "what", "why", "when", "where", "which", "who", "whom", "whose", "do", "does", "did", "doing", "done", "i", "me", "my", "we",
        "our", "us", "you", "your", "can", "could", "would", "should", "shall", "may", "might", "must", "need", "needs", "want", "wants",
        "get", "got", "make", "makes", "use", "using", "used", "have", "has", "had", "am", "all", "any", "some", "also", "just", "still",
        "even", "though", "about", "from", "over", "into", "out", "up", "down", "after", "before", "between", "right", "really",
        "actually", "keep", "thing", "something", "anything", "happen", "happens", "mean", "means", "way", "ways", "work", "works",
        "tell", "explain", "difference", "different", "only", "every", "each", "too", "much", "many", "more", "most", "one", "two",
        "please", "hi", "hello", "there", "here", "its", "it's", "i'm", "don't", "doesn't", "isn't", "what's", "whats",
    ];

    private static readonly string[] Korean =
    [
        "나요", "하나", "어떻", "떻게", "가요", "까요", "나요", "려면", "하려", "해야", "에서", "에는", "으로", "에게", "하는", "있는",
        "없는", "되나", "되는", "뭔가", "무엇", "엇인", "엇을", "뭐가", "알려", "려줘", "주세", "세요", "싶어", "어요", "습니", "니다",
        "합니", "입니", "할까", "는데", "은데", "건가", "거죠", "궁금", "금해", "해요", "설명", "명해", "이유", "유는", "왜",
        "는", "은", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "뭘", "게", "좀", "때", "수", "것",
    ];

    /// <summary>Whole Korean words (after <see cref="KoreanSuffixFilter"/>) that ask rather than name a topic.</summary>
    private static readonly string[] KoreanWords =
    [
        "어떻게", "어떤", "무엇", "무슨", "뭐", "뭐가", "뭘", "뭔가", "뭔지", "왜", "어디", "어디서", "언제", "누가", "좀", "꼭", "그냥", "정말", "혹시",
        "것", "수", "때", "있", "없", "있어", "없어", "있는", "없는", "하나", "되나", "하는", "되는", "해야", "하면", "알려", "알려주", "궁금",
        "궁금해", "궁금합니", "싶어", "싶습니", "같아", "할까", "그리고", "그런데", "제", "저", "내", "우리", "이런", "그런", "이것", "그것", "방법",
        "차이", "차이점", "다른", "가능", "필요", "설명", "설명해", "이유", "무엇인", "뭔가요", "하려", "되려", "정도", "가장", "하", "해", "되", "되게", "하게",
    ];

    public static CharArraySet ForEnglish { get; } = Build(EnglishAnalyzer.DefaultStopSet, English);

    public static CharArraySet ForKoreanWords { get; } = Build(CharArraySet.Empty, KoreanWords);

    public static CharArraySet ForKorean { get; } = Build(EnglishAnalyzer.DefaultStopSet, English.Concat(Korean));

    private static CharArraySet Build(CharArraySet baseSet, IEnumerable<string> extra)
    {
        var set = new CharArraySet(LuceneVersion.LUCENE_48, baseSet, ignoreCase: true);
        foreach (var word in extra)
        {
            set.Add(word);
        }

        return set.AsReadOnly();
    }
}
