using IstioTutor.Core.Answering;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Tests.Knowledge;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Answering;

/// <summary>
/// The section that answers wins whatever the learner's stage; the stage changes how the answer is
/// presented. The STRICT question is one the issue reports a beginner got a PERMISSIVE answer to.
/// </summary>
public sealed class RoutingByAnswerTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private const string Canary = "How do I split traffic between versions with weighted routes for a canary?";

    private Task<Answer> Ask(string question, Stage stage, string lang = "en") =>
        fixture.Engine.AnswerAsync(new AnswerRequest(question, lang, stage, new Learner { Id = "t", Stage = stage }, "c", Door.Terminal), CancellationToken.None);

    [Fact]
    public async Task A_beginner_asking_what_strict_does_to_a_pod_without_a_sidecar_is_answered_from_the_strict_lesson()
    {
        var answer = await Ask("After I enable STRICT mTLS, what happens to requests coming from a pod without a sidecar?", Stage.Beginner);

        Assert.Equal("peer-authentication-strict", answer.Citations[0].LessonId);
    }

    [Fact]
    public async Task A_beginner_asking_to_require_mutual_tls_in_a_namespace_is_answered_from_the_strict_lesson()
    {
        var answer = await Ask("How can I require mutual TLS for every workload in a namespace?", Stage.Beginner);

        Assert.Equal("peer-authentication-strict", answer.Citations[0].LessonId);
        Assert.Contains("STRICT", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_beginner_asking_which_resource_lets_only_reviews_call_ratings_is_answered_from_the_authorization_lesson()
    {
        var answer = await Ask("What resource lets me allow only the reviews service to call ratings?", Stage.Beginner);

        Assert.Equal("authorization-policy", answer.Citations[0].LessonId);
    }

    [Fact]
    public async Task The_answering_section_is_the_same_at_every_stage()
    {
        const string question = Canary;
        var cited = new List<string>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var answer = await Ask(question, stage);
            cited.Add(answer.Citations[0].LessonId + "/" + answer.Citations[0].Section);
        }

        Assert.Single(cited.Distinct());
    }

    [Fact]
    public async Task A_beginner_gets_a_gentle_lead_the_later_lesson_and_an_offer_to_open_it()
    {
        var answer = await Ask(Canary, Stage.Beginner);

        Assert.StartsWith("Good question — it goes a step beyond the beginner lessons", answer.Text, StringComparison.Ordinal);
        Assert.Contains("taught in the intermediate stage", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/lesson traffic-shifting", answer.Text, StringComparison.Ordinal);
        var offer = Assert.Single(answer.Cards!);
        Assert.Equal(new CardAction("lesson", "traffic-shifting"), offer.Buttons.Single().Action);
    }

    [Fact]
    public async Task A_korean_beginner_gets_the_later_stage_note_in_korean()
    {
        var answer = await Ask("카나리 배포에서 가중치는 어떻게 나누나요?", Stage.Beginner, "ko");

        Assert.Equal(Stage.Intermediate, answer.Citations[0].Stage);
        Assert.Contains("중급 단계의 레슨", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/lesson " + answer.Citations[0].LessonId, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intermediate_learner_asking_about_intermediate_material_gets_no_note_and_no_offer()
    {
        var answer = await Ask(Canary, Stage.Intermediate);

        Assert.DoesNotContain("taught in the", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Cards ?? []);
    }

    [Fact]
    public void Among_sections_that_answer_equally_well_the_learners_stage_goes_first()
    {
        var later = Hit("later", Stage.Advanced, 10.0f);
        var own = Hit("own", Stage.Beginner, 9.8f);

        var ordered = KnowledgeRetriever.StageOrder([later, own], Stage.Beginner, margin: 0.05);

        Assert.Equal(["own", "later"], ordered.Select(h => h.Section.LessonId));
    }

    [Fact]
    public void A_later_section_that_answers_clearly_better_stays_first()
    {
        var later = Hit("later", Stage.Advanced, 10.0f);
        var own = Hit("own", Stage.Beginner, 9.0f);

        var ordered = KnowledgeRetriever.StageOrder([later, own], Stage.Beginner, margin: 0.05);

        Assert.Equal(["later", "own"], ordered.Select(h => h.Section.LessonId));
    }

    private static SearchHit Hit(string lesson, Stage stage, float score) => new(new LessonSection
    {
        LessonId = lesson,
        LessonTitle = lesson,
        Stage = stage,
        Lang = "en",
        Heading = "h",
        HeadingPath = "h",
        Markdown = "m",
        Prose = "m",
    }, score, 1);
}
