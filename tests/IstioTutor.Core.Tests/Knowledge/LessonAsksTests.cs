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
        var questions = Questions(relativePath).Select(Normalize).ToHashSet(StringComparer.Ordinal);

        var copied = fixture.Knowledge.Curriculum.Lessons.SelectMany(l => l.Asks.Select(a => (l.Id, a))).Where(x => questions.Contains(Normalize(x.a))).ToArray();

        Assert.Empty(copied);
    }

    [Theory]
    [InlineData(EvalSet.DefaultRelativePath)]
    [InlineData(EvalSet.HoldoutRelativePath)]
    [InlineData(EvalSet.BlindRelativePath)]
    public void No_ask_shares_most_of_its_words_with_a_question_of_an_evaluation_set(string relativePath)
    {
        // Asks are written from the lessons alone, yet thousands of them can still land on an evaluation question
        // by chance; one that shares 70 % of its words would let the evaluation find its own question again.
        var questions = Questions(relativePath).Select(Words).Where(w => w.Count > 0).ToArray();

        // Named by lesson and position only: the message must not quote a held-out or blind question's words.
        var near = fixture.Knowledge.Curriculum.Lessons
            .SelectMany(l => l.Asks.Select((a, i) => (Where: $"{l.Id} ({l.Lang}) ask #{i + 1}", Words: Words(a))))
            .Where(x => questions.Any(q => Jaccard(q, x.Words) >= NearCopy))
            .Select(x => x.Where)
            .ToArray();

        Assert.Empty(near);
    }

    private const double NearCopy = 0.7;

    private static IEnumerable<string> Questions(string relativePath)
    {
        var path = EvalSet.Locate(AppContext.BaseDirectory, relativePath) ?? throw new FileNotFoundException(relativePath);
        return EvalSet.Parse(File.ReadAllText(path), path).Select(q => q.Question);
    }

    private static HashSet<string> Words(string text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        return shared == 0 ? 0 : (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>Case, punctuation and spacing do not make a copy a new question.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
