using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>The ask classifier over a tiny hand-made set, with words as their own features.</summary>
public sealed class AskClassifierTests
{
    private static readonly LessonAsk[] Asks =
    [
        new("strict", "en", "require mtls in a namespace"),
        new("strict", "en", "block plaintext callers with strict mtls"),
        new("strict", "en", "lock down a namespace to mtls only"),
        new("permissive", "en", "is mtls on by default"),
        new("permissive", "en", "why do plaintext callers still get in"),
        new("routing", "en", "send one user to a new version"),
    ];

    private static readonly AskClassifier Classifier = new(Asks, (_, text) => text.Split(' '));

    private static IReadOnlyDictionary<string, double> Posterior(string question, double temperature = 1) =>
        Classifier.Posterior("en", question.Split(' '), temperature);

    [Fact]
    public void The_posterior_over_the_lessons_sums_to_one() =>
        Assert.Equal(1.0, Posterior("lock down mtls").Values.Sum(), 6);

    [Fact]
    public void A_word_one_lesson_uses_throughout_decides_between_siblings_that_share_the_rest()
    {
        // "mtls" and "plaintext" belong to both; "namespace" is only strict's, in two of its asks.
        var p = Posterior("plaintext mtls namespace");

        Assert.True(p["strict"] > p["permissive"], $"strict {p["strict"]:0.00} permissive {p["permissive"]:0.00}");
    }

    [Fact]
    public void A_higher_temperature_makes_the_posterior_less_certain() =>
        Assert.True(Posterior("lock down namespace", temperature: 3)["strict"] < Posterior("lock down namespace")["strict"]);

    [Fact]
    public void A_question_sharing_no_word_with_any_ask_gets_no_posterior() => Assert.Empty(Posterior("kafka consumer"));

    [Fact]
    public void A_language_without_asks_gets_no_posterior() => Assert.Empty(Classifier.Posterior("ko", ["mtls"], 1));
}
