using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>How one lesson's sections are ranked against each other once the lesson's evidence is equal.</summary>
public sealed class SectionScoreTests
{
    [Fact]
    public void A_section_holding_all_the_questions_words_beats_one_that_matches_half_of_them_more_strongly()
    {
        // 40 % more BM25 from half the question's words used to win (1.4 × 0.8 > 1.0); by its square root it does not.
        var strongerOnHalf = Hit("Common words, repeated", bm25: 14f, coverage: 0.5);
        var fuller = Hit("All of the question", bm25: 10f, coverage: 1.0);

        Assert.True(
            KnowledgeRetriever.SectionScore(fuller, lessonShare: 1f) > KnowledgeRetriever.SectionScore(strongerOnHalf, lessonShare: 1f));
    }

    [Fact]
    public void Of_two_sections_holding_the_same_words_the_stronger_match_still_wins()
    {
        var stronger = Hit("Stronger", bm25: 14f, coverage: 1.0);
        var weaker = Hit("Weaker", bm25: 10f, coverage: 1.0);

        Assert.True(KnowledgeRetriever.SectionScore(stronger, 1f) > KnowledgeRetriever.SectionScore(weaker, 1f));
    }

    private static SearchHit Hit(string heading, float bm25, double coverage) => new(new LessonSection
    {
        LessonId = "timeouts-retries",
        LessonTitle = "Timeouts and retries",
        Stage = Stage.Intermediate,
        Lang = "en",
        Heading = heading,
        HeadingPath = heading,
        Markdown = "m",
        Prose = "m",
    }, bm25, coverage, LessonCoverage: 1, Resemblance: 1, LessonFit: 0.5);
}
