using IstioTutor.Core.Hosting;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Tests.Turns;

/// <summary>Quiz answers are not guessable by position: the source spreads them, and each learner sees their own order.</summary>
public sealed class QuizShuffleTests : IDisposable
{
    private const string LessonId = "traffic-shifting";
    private readonly string _data = Directory.CreateTempSubdirectory("istiotutor-shuffle-").FullName;
    private readonly ServiceProvider _services;

    public QuizShuffleTests()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIstioTutor(new ConfigurationBuilder().AddInMemoryCollection().Build(), _data);
        _services = services.BuildServiceProvider();
    }

    private Core.Knowledge.Curriculum Curriculum => _services.GetRequiredService<KnowledgeBase>().Curriculum;

    private Task<TurnResult> Say(string learner, string text) =>
        _services.GetRequiredService<TutorPipeline>().HandleAsync(new TurnRequest(Door.Terminal, learner, "c", text));

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Correct_options_in_the_lesson_files_are_spread_over_every_position(string lang)
    {
        var questions = Curriculum.InOrder(lang).SelectMany(l => l.Quiz).Where(q => q.Options.Count == 4).ToList();

        var share = Enumerable.Range(0, 4).Select(p => (double)questions.Count(q => q.CorrectIndex == p) / questions.Count).ToArray();

        Assert.True(questions.Count >= 100, $"{questions.Count} four-option questions");
        Assert.All(share, s => Assert.InRange(s, 0.15, 0.35));
    }

    [Fact]
    public void Correct_positions_learners_are_shown_are_near_uniform_across_the_curriculum()
    {
        var questions = Curriculum.InOrder("en").SelectMany(l => l.Quiz.Select(q => (l.Id, q))).Where(x => x.q.Options.Count == 4).ToList();
        var counts = new int[4];
        foreach (var learner in Enumerable.Range(0, 8).Select(i => $"learner-{i}"))
        {
            foreach (var (lesson, question) in questions)
            {
                counts[QuizShuffle.For(learner, lesson, question).CorrectIndex]++;
            }
        }

        Assert.All(counts, c => Assert.InRange((double)c / counts.Sum(), 0.20, 0.30));
    }

    [Fact]
    public async Task Different_learners_see_the_options_of_a_question_in_different_orders()
    {
        var orders = new HashSet<string>();
        foreach (var learner in Enumerable.Range(0, 6).Select(i => $"order-{i}"))
        {
            await Say(learner, "/lesson " + LessonId);
            var shown = await Say(learner, "/quiz");
            orders.Add(string.Join(" | ", QuizCardReader.Order(shown)));
            Assert.Equal(Curriculum.Find(LessonId, "en")!.Quiz[0].Options.Order(), QuizCardReader.Order(shown).Order());
        }

        Assert.True(orders.Count > 1, "six learners all saw one order: " + string.Join(" / ", orders));
    }

    [Fact]
    public async Task A_learner_sees_the_same_order_in_text_and_card_whenever_the_question_is_shown()
    {
        await Say("steady", "/lesson " + LessonId);
        var first = await Say("steady", "/quiz");
        var again = await Say("steady", "/quiz");

        Assert.Equal(QuizCardReader.Order(first), QuizCardReader.Order(again));
        var order = QuizCardReader.Order(first);
        for (var i = 0; i < order.Count; i++)
        {
            Assert.Contains($"  {i + 1}. {order[i]}", first.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Answer_is_graded_against_the_order_the_learner_was_shown()
    {
        var source = Curriculum.Find(LessonId, "en")!.Quiz[0];
        foreach (var learner in Enumerable.Range(0, 20).Select(i => $"grader-{i}"))
        {
            await Say(learner, "/lesson " + LessonId);
            var shown = await Say(learner, "/quiz");
            var right = QuizCardReader.CorrectAsShown(source, shown);
            if (right == source.CorrectIndex + 1)
            {
                continue;
            }

            var byFilePosition = await Say(learner, $"/answer {source.CorrectIndex + 1}");
            Assert.StartsWith("✗", byFilePosition.Text, StringComparison.Ordinal);
            await Say(learner, "/quiz " + LessonId);
            var asShown = await Say(learner, $"/answer {right}");
            Assert.StartsWith("✓", asShown.Text, StringComparison.Ordinal);
            return;
        }

        Assert.Fail("no learner of 20 saw the first question's answer moved from its position in the lesson file");
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
