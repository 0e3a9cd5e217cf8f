using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// One evaluation question. An on-topic question names the stage and lesson that should answer it and
/// the terms a correct answer must contain ("a|b" accepts either); an off-topic one must be refused.
/// </summary>
public sealed record EvalQuestion(
    string Id,
    string Lang,
    string Question,
    bool OffTopic,
    Stage? Stage,
    string? Lesson,
    IReadOnlyList<string> MustContain)
{
    /// <summary>True when every required term (or one of its alternatives) occurs in <paramref name="text"/>.</summary>
    public bool IsAnsweredBy(string text) =>
        MustContain.All(term => term.Split('|').Any(alt => text.Contains(alt.Trim(), StringComparison.OrdinalIgnoreCase)));
}
