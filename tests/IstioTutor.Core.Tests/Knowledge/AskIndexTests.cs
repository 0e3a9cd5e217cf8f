using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>The ask index over a tiny hand-made set, with words as their own terms.</summary>
public sealed class AskIndexTests
{
    private static readonly LessonAsk[] Asks =
    [
        new("strict", "en", "require mutual tls for every service in a namespace"),
        new("strict", "en", "what happens to plaintext callers after strict"),
        new("permissive", "en", "is traffic encrypted by default"),
        new("routing", "en", "send one user to a new version of a service"),
        new("routing", "en", "route by header to a service version"),
        new("shifting", "en", "move ten percent of a service to a new version"),
    ];

    private static readonly AskIndex Index = new(Asks, (_, text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyDictionary<string, float> Resemblance(string question, params ConceptMap.Concept[] concepts) =>
        Index.Resemblance("en", question.Split(' ').ToHashSet(StringComparer.Ordinal), concepts);

    [Fact]
    public void A_question_worded_as_an_ask_gives_its_lesson_the_most_votes() =>
        Assert.Equal(1f, Resemblance("require mutual tls for every service in a namespace")["strict"], 3);

    [Fact]
    public void A_lesson_none_of_whose_asks_shares_a_word_gets_no_vote() =>
        Assert.False(Resemblance("require mutual tls").ContainsKey("routing"));

    [Fact]
    public void A_rare_shared_word_counts_more_than_a_common_one()
    {
        // "plaintext" is in one ask (strict's), "new" in two (routing's and shifting's), one vote each.
        var votes = Resemblance("plaintext new");

        Assert.Equal(1f, votes["strict"], 3);
        Assert.True(votes["routing"] < 1f, $"routing {votes["routing"]}");
    }

    [Fact]
    public void Several_close_asks_of_one_lesson_outvote_a_single_ask_of_another()
    {
        // "user" is routing's word alone; "service version" is in both routing asks and in shifting's one.
        var votes = Resemblance("service version user");

        Assert.Equal(1f, votes["routing"], 3);
        Assert.True(votes["shifting"] < 0.5f, $"shifting {votes["shifting"]}");
    }

    [Fact]
    public void Another_form_of_a_concept_the_question_names_counts_as_shared()
    {
        var encryption = new ConceptMap.Concept([["encrypted"], ["mutual", "tls"]], ["encrypted", "mutual", "tls"]);

        var votes = Resemblance("mutual tls by default", encryption);

        Assert.True(votes.ContainsKey("permissive"), string.Join(", ", votes.Keys));
    }

    [Fact]
    public void A_language_without_asks_resembles_nothing() =>
        Assert.Empty(Index.Resemblance("ko", new HashSet<string> { "require" }, []));
}
