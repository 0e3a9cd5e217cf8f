using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>How sections are ranked against each other: by their own match, and across lessons by the lesson's evidence.</summary>
public sealed class SectionScoreTests
{
    [Fact]
    public void A_section_holding_all_the_questions_words_beats_one_that_matches_half_of_them_more_strongly()
    {
        // 40 % more BM25 from half the question's words used to win (1.4 × 0.8 > 1.0); by its square root it does not.
        var strongerOnHalf = Hit("Common words, repeated", bm25: 14f, coverage: 0.5);
        var fuller = Hit("All of the question", bm25: 10f, coverage: 1.0);

        Assert.True(
            KnowledgeRetriever.SectionScore(fuller) > KnowledgeRetriever.SectionScore(strongerOnHalf));
    }

    [Fact]
    public void Of_two_sections_holding_the_same_words_the_stronger_match_still_wins()
    {
        var stronger = Hit("Stronger", bm25: 14f, coverage: 1.0);
        var weaker = Hit("Weaker", bm25: 10f, coverage: 1.0);

        Assert.True(KnowledgeRetriever.SectionScore(stronger) > KnowledgeRetriever.SectionScore(weaker));
    }

    [Fact]
    public void A_lesson_holding_most_of_the_questions_words_outranks_a_stronger_section_of_a_lesson_holding_half()
    {
        // Half again as much BM25 and the same asks' and classifier's evidence: the whole lesson's coverage decides.
        var strongerInHalfCoveringLesson = Hit("Stronger section", bm25: 15f, coverage: 0.5) with { LessonCoverage = 0.5 };
        var weakerInCoveringLesson = Hit("Weaker section", bm25: 10f, coverage: 0.5) with { LessonCoverage = 0.9 };

        Assert.True(KnowledgeRetriever.SectionScore(weakerInCoveringLesson) > KnowledgeRetriever.SectionScore(strongerInHalfCoveringLesson));
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
