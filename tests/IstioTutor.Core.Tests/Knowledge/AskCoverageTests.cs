using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>A lesson covers the words its asks use: learners' spellings count towards "the curriculum covers this".</summary>
public sealed class AskCoverageTests
{
    private static readonly LessonSection Section = new()
    {
        LessonId = "authorization-policy",
        LessonTitle = "AuthorizationPolicy",
        Stage = Stage.Intermediate,
        Lang = "en",
        Heading = "Where a policy applies",
        HeadingPath = "AuthorizationPolicy > Where a policy applies",
        Markdown = "The server-side proxy enforces the policy.",
        Prose = "The server-side proxy enforces the policy.",
    };

    [Fact]
    public void A_word_only_the_lessons_asks_use_counts_towards_its_coverage()
    {
        using var plain = new KnowledgeIndex([Section]);
        using var withAsks = new KnowledgeIndex([Section], asks: [new LessonAsk("authorization-policy", "en", "does authz apply on the caller or the callee proxy")]);

        var without = plain.Search("authz proxy callee", "en", 5).Single();
        var with = withAsks.Search("authz proxy callee", "en", 5).Single();

        Assert.True(with.LessonCoverage > without.LessonCoverage, $"{with.LessonCoverage:0.00} vs {without.LessonCoverage:0.00}");
        Assert.Equal(without.Coverage, with.Coverage, 6);
    }
}
