using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>Learners misspell; a typo in an Istio word must neither lose the lesson nor refuse the question.</summary>
public sealed class TypoToleranceTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public void A_misspelt_resource_and_field_still_find_their_lesson()
    {
        var retrieval = fixture.Retriever.Retrieve("how do i set a timout on a virtualservce", "en", Stage.Intermediate);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("timeouts-retries", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_question_whose_only_istio_words_are_misspelt_is_on_topic()
    {
        var retrieval = fixture.Retriever.Retrieve("isito sidcar injektion not working", "en", Stage.Beginner);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("envoy-sidecar-injection", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_word_one_edit_from_another_technology_does_not_make_the_question_foreign()
    {
        // "fails" is one edit from "rails"; only strong Istio words are typo targets.
        var evidence = fixture.Knowledge.Lexicon.Evidence("I route to subset v2 and every request fails with 503");

        Assert.False(evidence.AboutAnotherTechnology);
    }

    [Fact]
    public void A_correct_word_the_lessons_lack_is_kept_as_it_is() =>
        Assert.Equal(["kafka"], fixture.Knowledge.Index.Corrected("en", ["kafka"]));

    [Fact]
    public void A_misspelt_word_of_a_domain_phrase_counts_as_the_phrase()
    {
        // "circuit" alone is no domain word, so it used to be no typo target either.
        var evidence = fixture.Knowledge.Lexicon.Evidence("my circiut braeker keeps tripping");

        Assert.True(evidence.Strong > 0);
    }

    [Fact]
    public void A_misspelt_identifier_brings_the_words_it_is_made_of() =>
        Assert.Equal(["envoyfilt", "envoi", "filter"], fixture.Knowledge.Index.Corrected("en", ["envoyflit"]));
}
