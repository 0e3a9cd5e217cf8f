using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// How one system did on one question asked at <see cref="AskedAt"/>. <see cref="Ranked"/> are the
/// sections it put forward, best first: for the engine the answer's citations in order (none when it
/// refused), for the baseline its BM25 ranking.
/// </summary>
public sealed record EvalOutcome(
    EvalQuestion Question,
    Stage AskedAt,
    bool Grounded,
    bool Hit,
    IReadOnlyList<RankedSection> Ranked,
    double Milliseconds)
{
    /// <summary>How many leading ranked sections count for top-3.</summary>
    public const int TopK = 3;

    public RankedSection? First => Ranked.Count > 0 ? Ranked[0] : null;

    /// <summary>Top-1: the first ranked section belongs to the expected lesson.</summary>
    public bool Top1 => First is { } f && Question.IsLesson(f);

    /// <summary>Top-3: any of the first three ranked sections belongs to the expected lesson.</summary>
    public bool Top3 => Ranked.Take(TopK).Any(Question.IsLesson);

    /// <summary>Section top-1 (only meaningful when the question names a section): the first ranked section is that section.</summary>
    public bool SectionTop1 => First is { } f && Question.IsSection(f);

    /// <summary>Section top-3: any of the first three ranked sections is the expected section.</summary>
    public bool SectionTop3 => Ranked.Take(TopK).Any(Question.IsSection);

    /// <summary>The first ranked section is of the question's own stage.</summary>
    public bool StageMatch => !Question.OffTopic && First is { } f && f.Stage == Question.Stage;
}
