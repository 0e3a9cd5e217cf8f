using IstioTutor.Core.Answering.Evaluation;

namespace IstioTutor.Core.Tests.Knowledge;

/// <summary>
/// Every lesson carries the questions it answers, written by its author. They must not be the evaluation's
/// own questions, or the evaluation would measure retrieval finding the questions it was given.
/// </summary>
public sealed class LessonAsksTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public void Every_lesson_in_both_languages_has_at_least_ten_asks()
    {
        var short_ = fixture.Knowledge.Curriculum.Lessons.Where(l => l.Asks.Count < 10).Select(l => $"{l.Id} ({l.Lang}): {l.Asks.Count}").ToArray();

        Assert.Empty(short_);
    }

    [Theory]
    [InlineData(EvalSet.DefaultRelativePath)]
    [InlineData(EvalSet.HoldoutRelativePath)]
    [InlineData(EvalSet.BlindRelativePath)]
    public void No_ask_is_a_question_of_an_evaluation_set(string relativePath)
    {
        var path = EvalSet.Locate(AppContext.BaseDirectory, relativePath) ?? throw new FileNotFoundException(relativePath);
        var questions = EvalSet.Parse(File.ReadAllText(path), path).Select(q => Normalize(q.Question)).ToHashSet(StringComparer.Ordinal);

        var copied = fixture.Knowledge.Curriculum.Lessons.SelectMany(l => l.Asks.Select(a => (l.Id, a))).Where(x => questions.Contains(Normalize(x.a))).ToArray();

        Assert.Empty(copied);
    }

    /// <summary>Case, punctuation and spacing do not make a copy a new question.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
