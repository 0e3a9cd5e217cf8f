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
        "even", "though", "about", "from", "over", "into", "out", "up", "down", "after", "before", "between", "other", "right", "really",
        "actually", "keep", "thing", "something", "anything", "happen", "happens", "mean", "means", "way", "ways", "work", "works",
        "tell", "explain", "difference", "different", "only", "every", "each", "too", "much", "many", "more", "most", "one", "two",
        "please", "hi", "hello", "there", "here", "its", "it's", "i'm", "don't", "doesn't", "isn't", "what's", "whats",
    ];

    private static readonly string[] Korean =
    [
        "나요", "하나", "어떻", "떻게", "가요", "인가", "까요", "나요", "려면", "하려", "해야", "에서", "에는", "으로", "에게", "하는", "있는",
        "없는", "되나", "되는", "뭔가", "무엇", "엇인", "인가", "엇을", "뭐가", "알려", "려줘", "주세", "세요", "싶어", "어요", "습니", "니다",
        "합니", "입니", "할까", "는데", "은데", "건가", "거죠", "궁금", "금해", "해요", "설명", "명해", "이유", "유는", "왜",
        "는", "은", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "뭘", "게", "좀", "때", "수", "것",
    ];

    public static CharArraySet ForEnglish { get; } = Build(EnglishAnalyzer.DefaultStopSet, English);

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
