using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Knowledge;

public sealed class RetrievalTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public void A_korean_synonym_finds_the_lesson_that_uses_the_other_word()
    {
        // The Korean lesson heads its section "이상치 감지"; the learner says 아웃라이어 and names no resource.
        var retrieval = fixture.Retriever.Retrieve("아웃라이어 방출은 언제 일어나나요?", "ko", Stage.Intermediate);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("circuit-breaking", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void Words_a_learner_uses_for_a_field_find_the_section_that_teaches_it()
    {
        var retrieval = fixture.Retriever.Retrieve("how long does each retry attempt get before it gives up", "en", Stage.Intermediate);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("timeouts-retries", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_question_about_another_technology_that_borrows_a_generic_word_is_off_topic()
    {
        var retrieval = fixture.Retriever.Retrieve("How do I set the session timeout for a Kafka consumer group?", "en", Stage.Intermediate);

        Assert.False(retrieval.OnTopic);
        Assert.True(retrieval.Evidence.AboutAnotherTechnology);
    }

    [Fact]
    public void A_chatty_question_naming_two_istio_only_terms_is_answered()
    {
        var retrieval = fixture.Retriever.Retrieve("lol sorry newbie here, so like what does a service mesh even do for me", "en", Stage.Beginner);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("service-mesh-intro", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_chatty_korean_question_naming_one_istio_kind_is_answered()
    {
        // Below the ordinary coverage floor: chatty endings and one resource name.
        var retrieval = fixture.Retriever.Retrieve("그니까 VirtualService 그거 대충 뭐하는 애임?", "ko", Stage.Beginner);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("virtualservice-basics", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_korean_question_naming_a_kind_only_by_its_hangul_spelling_is_answered()
    {
        var retrieval = fixture.Retriever.Retrieve("지티널이 노드마다 하나씩 뜨는 거 맞죠?", "ko", Stage.Beginner);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("ambient-mode", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_lesson_keyword_that_is_a_function_word_is_no_domain_evidence()
    {
        // "to", "from" and "when" are AuthorizationPolicy fields and so its lesson's keywords.
        var evidence = fixture.Knowledge.Lexicon.Evidence("when is it best to fly from Seoul to Busan");

        Assert.False(evidence.Any);
    }

    [Fact]
    public void A_household_circuit_breaker_question_is_off_topic()
    {
        var retrieval = fixture.Retriever.Retrieve("our old fuse box has one circuit breaker that trips whenever the dryer runs", "en", Stage.Beginner);

        Assert.False(retrieval.OnTopic);
    }

    [Fact]
    public void A_web_server_question_that_says_proxy_is_about_another_technology()
    {
        var retrieval = fixture.Retriever.Retrieve("how do i set up nginx as a reverse proxy on ubuntu", "en", Stage.Beginner);

        Assert.False(retrieval.OnTopic);
        Assert.True(retrieval.Evidence.AboutAnotherTechnology);
    }

    [Fact]
    public void Naming_another_technology_beside_an_istio_term_stays_on_topic()
    {
        var retrieval = fixture.Retriever.Retrieve("How do I set a timeout on calls from my mesh to Kafka?", "en", Stage.Intermediate);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("timeouts-retries", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void Lesson_coverage_is_never_below_the_coverage_of_one_of_its_sections()
    {
        var retrieval = fixture.Retriever.Retrieve("outlier detection ejects hosts after consecutive 5xx errors", "en", Stage.Advanced);

        Assert.NotEmpty(retrieval.Hits);
        Assert.All(retrieval.Hits, h => Assert.True(h.LessonCoverage >= h.Coverage - 1e-9, $"{h.Section.LessonId} > {h.Section.Heading}"));
    }

    [Fact]
    public void A_question_naming_no_domain_word_is_answered_when_one_lesson_holds_most_of_it()
    {
        // Neither "breaker" nor "trip" is domain evidence on its own; the circuit-breaking lesson holds both.
        var retrieval = fixture.Retriever.Retrieve("how can I make the breaker trip on purpose so I can watch it work?", "en", Stage.Beginner);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("circuit-breaking", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_question_naming_no_domain_word_that_no_lesson_holds_is_refused()
    {
        var retrieval = fixture.Retriever.Retrieve("what's a good recipe for banana bread without eggs?", "en", Stage.Beginner);

        Assert.False(retrieval.OnTopic);
    }

    [Fact]
    public void A_kind_written_as_two_words_names_it()
    {
        var evidence = fixture.Knowledge.Lexicon.Evidence("the authorization policy i wrote does nothing");

        Assert.True(evidence.NamesIstio);
    }

    [Fact]
    public void A_lower_case_identifier_in_a_korean_question_finds_its_lesson()
    {
        // The Korean lessons write EnvoyFilter; the learner types it lower-case, which has no case change to split at.
        var retrieval = fixture.Retriever.Retrieve("envoyfilter 업그레이드할 때 뭘 조심해야 해요?", "ko", Stage.Beginner);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("envoyfilter", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void A_sidecar_on_a_motorbike_is_off_topic()
    {
        var retrieval = fixture.Retriever.Retrieve("is a sidecar safe on a 125cc motorbike for a long trip?", "en", Stage.Beginner);

        Assert.False(retrieval.OnTopic);
    }

    [Fact]
    public void The_mesh_of_a_fishing_net_is_off_topic()
    {
        var retrieval = fixture.Retriever.Retrieve("how fine should the mesh of a fishing net be for sardines?", "en", Stage.Beginner);

        Assert.False(retrieval.OnTopic);
    }

    [Fact]
    public void The_mesh_beside_another_technology_stays_on_topic()
    {
        // "mesh" has an everyday sense, but Kafka is a technology, not an everyday thing.
        var retrieval = fixture.Retriever.Retrieve("how do I let pods in the mesh call our kafka brokers outside the cluster?", "en", Stage.Intermediate);

        Assert.True(retrieval.OnTopic);
        Assert.Equal("egress-serviceentry", retrieval.Best!.Section.LessonId);
    }

    [Fact]
    public void Capital_vs_is_shorthand_for_the_kind() =>
        Assert.True(fixture.Knowledge.Lexicon.Evidence("VS 적용됐는지 확인하는 법?").NamesIstio);

    [Fact]
    public void Lower_case_vs_is_versus() =>
        Assert.False(fixture.Knowledge.Lexicon.Evidence("cats vs dogs, which is friendlier").NamesIstio);
}
