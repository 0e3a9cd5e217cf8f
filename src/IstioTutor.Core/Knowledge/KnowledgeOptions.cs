using System.ComponentModel.DataAnnotations;

namespace IstioTutor.Core.Knowledge;

/// <summary>The <c>Knowledge</c> section of appsettings.json.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>
    /// For lesson authors: a folder laid out like knowledge/ (en|ko/&lt;stage&gt;/&lt;id&gt;.md). When set, the
    /// lessons are read from it instead of the ones built into the binary, so edits show without a rebuild.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Share of quiz answers (0..1) at which a lesson counts as finished.</summary>
    [Range(0.0, 1.0)]
    public double QuizPassScore { get; set; } = 0.7;

    /// <summary>
    /// Least IDF-weighted share of a question's terms the best lesson must contain when the question
    /// names an unambiguous Istio/Kubernetes term. Calibrated on tests/eval/questions.yaml.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.25;

    /// <summary>
    /// The floor when the question names one of Istio's API kinds or tools (AuthorizationPolicy, istioctl) or
    /// two Istio-only terms ("istio", "envoy", "service mesh"): it is about Istio whatever else it says, and
    /// chatty words ("ok dumb question but what even is a service mesh") must not get it refused.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverageIstioNamed { get; set; } = 0.10;

    /// <summary>The same floor when the question only shares lesson keywords ("weight", "rollback").</summary>
    [Range(0.0, 1.0)]
    public double MinCoverageWeakEvidence { get; set; } = 0.34;

    /// <summary>
    /// The floor when the question names no domain word at all ("how do i actually trip the breaker to see it
    /// work?"): asked of an Istio tutor, it is on topic when one lesson holds most of its words. Off-topic
    /// questions without domain words cover at most 0.41 in tests/eval/questions.yaml (squashing git commits).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverageWithoutEvidence { get; set; } = 0.6;

    /// <summary>
    /// Sections whose scores are within this share of each other answer equally well; among those, one at
    /// or before the learner's stage goes first. Otherwise the section that answers best wins whatever the
    /// learner's stage (0 = stage never reorders; 0.5 at most, or stage would outweigh the answer).
    /// </summary>
    [Range(0.0, 0.5)]
    public double EqualAnswerMargin { get; set; } = 0.05;
}
