using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>
/// A lesson covers the words its asks use again and again: learners' spellings count towards "the curriculum
/// covers this", one ask's passing word does not.
/// </summary>
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
    public void A_word_two_of_the_lessons_asks_use_counts_towards_its_coverage()
    {
        using var plain = new KnowledgeIndex([Section]);
        using var withAsks = new KnowledgeIndex([Section], asks:
        [
            new LessonAsk("authorization-policy", "en", "does authz apply on the caller or the callee proxy"),
            new LessonAsk("authorization-policy", "en", "is the callee the one that enforces authz"),
        ]);

        var without = plain.Search("authz proxy callee", "en", 5).Single();
        var with = withAsks.Search("authz proxy callee", "en", 5).Single();

        Assert.True(with.LessonCoverage > without.LessonCoverage, $"{with.LessonCoverage:0.00} vs {without.LessonCoverage:0.00}");
        Assert.Equal(without.Coverage, with.Coverage, 6);
    }

    [Fact]
    public void A_word_only_one_ask_uses_does_not_count_towards_coverage()
    {
        using var plain = new KnowledgeIndex([Section]);
        using var withAsks = new KnowledgeIndex([Section], asks:
        [
            new LessonAsk("authorization-policy", "en", "the weather api callee hangs, does the proxy policy block it"),
            new LessonAsk("authorization-policy", "en", "does authz apply on the caller or the callee proxy"),
        ]);

        var without = plain.Search("weather proxy", "en", 5).Single();
        var with = withAsks.Search("weather proxy", "en", 5).Single();

        Assert.Equal(without.LessonCoverage, with.LessonCoverage, 6);
    }
}
