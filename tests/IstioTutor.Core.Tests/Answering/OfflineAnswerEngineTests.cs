using IstioTutor.Core.Answering;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Tests.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Answering;

public sealed class OfflineAnswerEngineTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private Task<Answer> Ask(string question, string lang, Stage stage) =>
        fixture.Engine.AnswerAsync(new AnswerRequest(question, lang, stage, new Learner { Id = "t", Stage = stage }, "c", Door.Terminal), CancellationToken.None);

    [Fact]
    public async Task English_question_is_answered_from_the_matching_lesson_with_citation_and_yaml()
    {
        var answer = await Ask("How do I send 10% of requests to reviews v3 with weights?", "en", Stage.Intermediate);

        Assert.True(answer.Grounded);
        Assert.Equal("traffic-shifting", answer.Citations[0].LessonId);
        Assert.Equal("en", answer.Citations[0].Lang);
        Assert.Contains("```yaml", answer.Text, StringComparison.Ordinal);
        Assert.Contains("weight", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Korean_question_is_answered_in_korean_from_the_korean_lesson()
    {
        var answer = await Ask("카나리 배포에서 가중치는 어떻게 나누나요?", "ko", Stage.Intermediate);

        Assert.True(answer.Grounded);
        Assert.Equal("traffic-shifting", answer.Citations[0].LessonId);
        Assert.Equal("ko", answer.Citations[0].Lang);
        Assert.Contains("가중치", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Korean_particles_attached_to_resource_names_still_match()
    {
        var answer = await Ask("DestinationRule에서 서브셋은 어떻게 정의하나요?", "ko", Stage.Intermediate);

        Assert.True(answer.Grounded);
        Assert.Equal("destinationrule-subsets", answer.Citations[0].LessonId);
    }

    [Fact]
    public async Task A_beginner_asking_about_later_material_is_told_which_stage_teaches_it()
    {
        var answer = await Ask("How do I split traffic between versions with weighted routes for a canary?", "en", Stage.Beginner);

        Assert.True(answer.Grounded);
        Assert.Equal(Stage.Intermediate, answer.Citations[0].Stage);
        Assert.Contains("It is taught in the intermediate stage, in the lesson", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intermediate_learner_gets_no_later_stage_note_for_intermediate_material()
    {
        var answer = await Ask("How do I split traffic between versions with weighted routes for a canary?", "en", Stage.Intermediate);

        // Answered from intermediate material: a refusal would also lack the note, so it must not pass here.
        Assert.True(answer.Grounded, answer.Text);
        Assert.Equal(Stage.Intermediate, answer.Citations[0].Stage);
        Assert.DoesNotContain("It is taught in the", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What's the weather going to be like in Seoul tomorrow?", "en")]
    [InlineData("How long should I boil spaghetti for al dente?", "en")]
    [InlineData("What is the fastest way to lose weight before summer?", "en")]
    [InlineData("김치찌개 맛있게 끓이는 법 알려줘", "ko")]
    public async Task Off_topic_questions_are_refused_without_citations(string question, string lang)
    {
        var answer = await Ask(question, lang, Stage.Beginner);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task A_korean_refusal_is_written_in_korean()
    {
        var answer = await Ask("손흥민은 이번 시즌 몇 골 넣었어?", "ko", Stage.Beginner);

        Assert.False(answer.Grounded);
        Assert.Contains("커리큘럼", answer.Text, StringComparison.Ordinal);
    }
}
