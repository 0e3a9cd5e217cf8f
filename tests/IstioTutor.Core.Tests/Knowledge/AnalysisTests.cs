using IstioTutor.Core.Knowledge.Search;

namespace IstioTutor.Core.Tests.Knowledge;

public sealed class AnalysisTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Theory]
    [InlineData("게이트웨이를")]
    [InlineData("게이트웨이에서는")]
    [InlineData("게이트웨이가")]
    public void Korean_particles_come_off_so_inflected_forms_share_the_stem_of_the_bare_noun(string inflected)
    {
        Assert.Equal(KoreanSuffixFilter.Stem("게이트웨이"), KoreanSuffixFilter.Stem(inflected));
    }

    [Theory]
    [InlineData("효과")]
    [InlineData("권한")]
    [InlineData("재시도")]
    [InlineData("인가")]
    public void Nouns_whose_last_syllable_looks_like_a_particle_keep_it(string noun)
    {
        Assert.Equal(noun, KoreanSuffixFilter.Stem(noun));
    }

    [Fact]
    public void A_korean_noun_with_a_particle_is_indexed_like_the_bare_noun()
    {
        Assert.Equal(fixture.Knowledge.Index.Analyze("ko", "가중치"), fixture.Knowledge.Index.Analyze("ko", "가중치를"));
    }

    [Fact]
    public void Camel_case_field_names_are_indexed_whole_and_as_their_words()
    {
        var terms = fixture.Knowledge.Index.Analyze("en", "perTryTimeout");

        Assert.Contains("pertrytimeout", terms);
        Assert.Contains("per", terms);
        Assert.Contains("try", terms);
        Assert.Contains("timeout", terms);
    }

    [Fact]
    public void Enum_values_with_underscores_match_their_words()
    {
        var terms = fixture.Knowledge.Index.Analyze("en", "LEAST_REQUEST");

        Assert.Contains("least", terms);
        Assert.Contains("request", terms);
    }

    [Fact]
    public void Identifier_words_inside_korean_text_are_split_too()
    {
        var terms = fixture.Knowledge.Index.Analyze("ko", "outlierDetection을 설정");

        Assert.Contains("outlier", terms);
        Assert.Contains("detect", terms);
    }

    [Theory]
    [InlineData("en", "send 10% of requests")]
    [InlineData("ko", "10%씩 늘리기")]
    public void A_percent_sign_is_read_as_the_word_percent(string lang, string text)
    {
        Assert.Contains("percent", fixture.Knowledge.Index.Analyze(lang, text));
    }

    [Fact]
    public void A_korean_concept_word_brings_its_english_field_names_along()
    {
        var index = fixture.Knowledge.Index;
        var concepts = index.Concepts.Matches("ko", index.Analyze("ko", "재시도 횟수는 몇 번인가요").ToHashSet());

        Assert.Contains(concepts, c => c.Terms.Contains("retri"));
    }

    [Fact]
    public void A_question_without_concept_words_matches_no_concept()
    {
        var index = fixture.Knowledge.Index;

        Assert.Empty(index.Concepts.Matches("en", index.Analyze("en", "banana bread recipe").ToHashSet()));
    }
}
