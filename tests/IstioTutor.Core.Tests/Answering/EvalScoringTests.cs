using IstioTutor.Core.Answering.Evaluation;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tests.Answering;

/// <summary>What top-1, top-3 and section accuracy mean, on hand-made outcomes.</summary>
public sealed class EvalScoringTests
{
    private static readonly EvalQuestion Question = new("q", "en", "How do I require mTLS?", false, Stage.Intermediate, "strict-mtls", ["STRICT"], "Turning on STRICT");

    private static EvalOutcome Outcome(EvalQuestion question, params RankedSection[] ranked) =>
        new(question, Stage.Beginner, ranked.Length > 0, false, ranked, 1);

    private static RankedSection At(string lesson, string heading = "Other") => new(lesson, heading, Stage.Beginner);

    [Fact]
    public void Top1_counts_only_when_the_first_ranked_section_belongs_to_the_expected_lesson()
    {
        Assert.True(Outcome(Question, At("strict-mtls"), At("permissive-mtls")).Top1);
        Assert.False(Outcome(Question, At("permissive-mtls"), At("strict-mtls")).Top1);
    }

    [Fact]
    public void Top3_counts_the_expected_lesson_among_the_first_three_ranked_sections_but_not_the_fourth()
    {
        Assert.True(Outcome(Question, At("a"), At("b"), At("strict-mtls")).Top3);
        Assert.False(Outcome(Question, At("a"), At("b"), At("c"), At("strict-mtls")).Top3);
    }

    [Fact]
    public void A_refused_answer_has_nothing_ranked_and_misses_top1_and_top3()
    {
        var refused = Outcome(Question);

        Assert.False(refused.Top1);
        Assert.False(refused.Top3);
    }

    [Fact]
    public void The_expected_section_matches_by_heading_slug_or_citation_id_but_only_within_the_expected_lesson()
    {
        Assert.True(Outcome(Question, At("strict-mtls", "Turning on STRICT")).SectionTop1);
        Assert.True(Outcome(Question with { Section = "turning-on-strict" }, At("strict-mtls", "Turning on STRICT")).SectionTop1);
        Assert.True(Outcome(Question with { Section = "strict-mtls/turning-on-strict" }, At("strict-mtls", "Turning on STRICT")).SectionTop1);
        Assert.False(Outcome(Question, At("other-lesson", "Turning on STRICT")).SectionTop1);
    }

    [Fact]
    public void Scores_slice_by_language_and_by_the_questions_own_stage()
    {
        var ko = Question with { Id = "k", Lang = "ko", Stage = Stage.Advanced };
        var score = new EvalScore("engine", [Outcome(Question, At("strict-mtls")), Outcome(ko, At("x"))]);

        Assert.Equal(1, score.ByLang["en"].Top1);
        Assert.Equal(0, score.ByLang["ko"].Top1);
        Assert.Equal(1, score.ByStage[Stage.Intermediate].Answerable);
        Assert.Equal(0.5, score.Top1Rate);
    }

    [Fact]
    public void A_section_field_is_read_from_the_set_and_refused_on_an_off_topic_question()
    {
        const string yaml = """
            questions:
              - id: a
                lang: en
                stage: intermediate
                lesson: strict-mtls
                section: Turning on STRICT
                question: How do I require mTLS?
                mustContain: [STRICT]
            """;
        Assert.Equal("Turning on STRICT", EvalSet.Parse(yaml, "t.yaml")[0].Section);

        var offTopic = "questions:\n  - id: b\n    lang: en\n    offTopic: true\n    section: X\n    question: weather?\n";
        var e = Assert.Throws<InvalidDataException>(() => EvalSet.Parse(offTopic, "t.yaml"));
        Assert.Contains("question 'b'", e.Message);
    }
}
