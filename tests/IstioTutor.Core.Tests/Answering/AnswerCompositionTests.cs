using IstioTutor.Core.Answering;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Tests.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Answering;

public sealed class AnswerCompositionTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private Answer ComposeFrom(string lessonId, string lang, string heading, Stage learnerStage)
    {
        var section = fixture.Knowledge.Curriculum.FindExact(lessonId, lang)!.Sections.Single(s => s.Heading == heading);
        var retrieval = new Retrieval([new SearchHit(section, 10f, 0.8, 0.8)], true, new DomainEvidence(1, 0), lang, learnerStage);
        return new AnswerComposer().Compose(retrieval, lang, fixture.Knowledge);
    }

    [Fact]
    public void A_section_without_yaml_is_illustrated_by_the_example_that_follows_it_in_the_lesson()
    {
        var answer = ComposeFrom("request-authentication-jwt", "en", "Valid, invalid and missing tokens", Stage.Intermediate);

        Assert.Contains("Example (from \"Requiring a token with AuthorizationPolicy\")", answer.Text, StringComparison.Ordinal);
        Assert.Contains("requestPrincipals", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_point_comes_first_then_the_yaml_then_the_pointer_to_the_lesson()
    {
        var answer = ComposeFrom("timeouts-retries", "en", "Where timeouts and retries are configured", Stage.Intermediate);

        var yaml = answer.Text.IndexOf("```yaml", StringComparison.Ordinal);
        var pointer = answer.Text.IndexOf("/lesson timeouts-retries", StringComparison.Ordinal);
        Assert.StartsWith("Request timeouts and retries are", answer.Text, StringComparison.Ordinal);
        Assert.True(yaml > 0 && pointer > yaml, answer.Text);
        Assert.Equal("Where timeouts and retries are configured", answer.Citations[0].Section);
    }

    [Fact]
    public void A_korean_answer_about_later_material_opens_with_a_gentle_lead_and_the_stage_note_in_korean()
    {
        var answer = ComposeFrom("timeouts-retries", "ko", "타임아웃과 재시도를 설정하는 위치", Stage.Beginner);

        Assert.StartsWith("좋은 질문입니다. 초급 과정보다 한 걸음 앞선 내용이라", answer.Text, StringComparison.Ordinal);
        Assert.Contains("이 내용은 현재 단계(초급)보다 뒤인 중급 단계의 레슨", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/lesson timeouts-retries", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bookinfo has four services that all listen on port 9080:", "Bookinfo has four services that all listen on port 9080.")]
    [InlineData("First one. Second one.", "First one.")]
    public void A_lead_in_that_ends_in_a_colon_reads_as_a_sentence(string text, string expected)
    {
        Assert.Equal(expected, AnswerComposer.FirstSentences(text, 1));
    }
}
