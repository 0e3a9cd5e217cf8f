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
    public void A_question_worded_as_an_ask_resembles_it_fully() =>
        Assert.Equal(1f, Resemblance("require mutual tls for every service in a namespace")["strict"], 3);

    [Fact]
    public void A_lesson_none_of_whose_asks_shares_a_word_is_absent() =>
        Assert.False(Resemblance("require mutual tls").ContainsKey("routing"));

    [Fact]
    public void A_rare_shared_word_counts_more_than_a_common_one()
    {
        // "plaintext" is in one ask, "service" in four.
        var rare = Resemblance("plaintext question")["strict"];
        var common = Resemblance("service question")["strict"];

        Assert.True(rare > common, $"plaintext {rare} vs service {common}");
    }

    [Fact]
    public void Another_form_of_a_concept_the_question_names_counts_as_shared()
    {
        var encryption = new ConceptMap.Concept([["encrypted"], ["mutual", "tls"]], ["encrypted", "mutual", "tls"]);

        var withConcept = Resemblance("is traffic mutual tls", encryption)["permissive"];
        var without = Resemblance("is traffic mutual tls")["permissive"];

        Assert.True(withConcept > without, $"{withConcept} vs {without}");
    }

    [Fact]
    public void A_language_without_asks_resembles_nothing() =>
        Assert.Empty(Index.Resemblance("ko", new HashSet<string> { "require" }, []));
}
