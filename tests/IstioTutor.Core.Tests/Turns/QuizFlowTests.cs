using IstioTutor.Core.Hosting;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Tests.Turns;

/// <summary>The lesson and quiz commands through the real pipeline and a LiteDB file in a temp directory.</summary>
public sealed class QuizFlowTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("istiotutor-quiz-").FullName;

    private ServiceProvider Start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddIstioTutor(configuration, _data);
        return services.BuildServiceProvider();
    }

    private static Task<TurnResult> Say(ServiceProvider sp, string text) =>
        sp.GetRequiredService<TutorPipeline>().HandleAsync(new TurnRequest(Door.Terminal, "quizzer", "c", text));

    /// <summary>The option number of the right answer as the learner was shown it (options are shuffled per learner).</summary>
    private static int CorrectAsShown(ServiceProvider sp, string lessonId, int index, TurnResult shown) =>
        QuizCardReader.CorrectAsShown(sp.GetRequiredService<KnowledgeBase>().Curriculum.Find(lessonId, "en")!.Quiz[index], shown);

    [Fact]
    public async Task Opening_a_lesson_records_it_and_makes_it_current()
    {
        using var sp = Start();

        var result = await Say(sp, "/lesson traffic-shifting");

        Assert.Equal("lesson", Assert.Single(result.Cards).Kind);
        Assert.Equal("traffic-shifting", sp.GetRequiredService<ILearnerStore>().Find("quizzer")!.CurrentLessonId);
        Assert.Contains(sp.GetRequiredService<IProgressLog>().ForLearner("quizzer"), e => e.Kind == ProgressEventKind.LessonOpened && e.Subject == "traffic-shifting");
        Assert.DoesNotContain("[x]", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_lesson_id_gets_a_clear_error_and_changes_nothing()
    {
        using var sp = Start();

        var result = await Say(sp, "/lesson traffic-shiftin");

        Assert.Contains("There is no lesson 'traffic-shiftin'", result.Text, StringComparison.Ordinal);
        Assert.Contains("traffic-shifting", result.Text, StringComparison.Ordinal);
        Assert.Null(sp.GetRequiredService<ILearnerStore>().Find("quizzer")!.CurrentLessonId);
    }

    [Fact]
    public async Task Answering_every_question_correctly_records_the_score_and_finishes_the_lesson()
    {
        using var sp = Start();
        await Say(sp, "/lesson traffic-shifting");
        var last = await Say(sp, "/quiz");

        var count = sp.GetRequiredService<KnowledgeBase>().Curriculum.Find("traffic-shifting", "en")!.Quiz.Count;
        for (var i = 0; i < count; i++)
        {
            last = await Say(sp, $"/answer {CorrectAsShown(sp, "traffic-shifting", i, last)}");
        }

        Assert.Contains("Quiz finished", last.Text, StringComparison.Ordinal);
        var events = sp.GetRequiredService<IProgressLog>().ForLearner("quizzer");
        Assert.Equal(1.0, events.Single(e => e.Kind == ProgressEventKind.QuizCompleted).Score);
        Assert.Contains(events, e => e.Kind == ProgressEventKind.LessonFinished && e.Subject == "traffic-shifting");
        Assert.Null(sp.GetRequiredService<ILearnerStore>().Find("quizzer")!.Quiz);
    }

    [Fact]
    public async Task A_failed_quiz_records_the_score_but_does_not_finish_the_lesson()
    {
        using var sp = Start();
        await Say(sp, "/lesson traffic-shifting");
        var shown = await Say(sp, "/quiz");
        var quiz = sp.GetRequiredService<KnowledgeBase>().Curriculum.Find("traffic-shifting", "en")!.Quiz;

        for (var i = 0; i < quiz.Count; i++)
        {
            shown = await Say(sp, $"/answer {(CorrectAsShown(sp, "traffic-shifting", i, shown) == 1 ? 2 : 1)}");
        }

        var events = sp.GetRequiredService<IProgressLog>().ForLearner("quizzer");
        Assert.Equal(0.0, events.Single(e => e.Kind == ProgressEventKind.QuizCompleted).Score);
        Assert.DoesNotContain(events, e => e.Kind == ProgressEventKind.LessonFinished);
    }

    [Fact]
    public async Task An_out_of_range_answer_is_refused_and_leaves_the_quiz_unchanged()
    {
        using var sp = Start();
        await Say(sp, "/lesson traffic-shifting");
        await Say(sp, "/quiz");

        var result = await Say(sp, "/answer 9");

        Assert.Contains("'9' is not an option number", result.Text, StringComparison.Ordinal);
        var quiz = sp.GetRequiredService<ILearnerStore>().Find("quizzer")!.Quiz!;
        Assert.Equal((0, 0), (quiz.QuestionIndex, quiz.Answers.Count));
    }

    [Fact]
    public async Task Answer_without_an_open_quiz_explains_how_to_start_one_in_korean()
    {
        using var sp = Start();

        var result = await Say(sp, "/answer 하나");

        Assert.Contains("진행 중인 퀴즈가 없어", result.Text, StringComparison.Ordinal);
    }


    [Fact]
    public async Task Quiz_state_survives_a_restart_of_the_process_services()
    {
        using (var first = Start())
        {
            await Say(first, "/lesson traffic-shifting");
            var shown = await Say(first, "/quiz");
            await Say(first, $"/answer {CorrectAsShown(first, "traffic-shifting", 0, shown)}");
        }

        using var second = Start();
        var quiz = second.GetRequiredService<ILearnerStore>().Find("quizzer")!.Quiz!;

        Assert.Equal(("traffic-shifting", 1), (quiz.LessonId, quiz.QuestionIndex));
        Assert.Equal([true], quiz.Answers);
    }

    [Fact]
    public async Task Next_skips_finished_lessons_and_starts_at_the_learners_stage()
    {
        using var sp = Start();
        await Say(sp, "/stage intermediate");
        var order = sp.GetRequiredService<KnowledgeBase>().Curriculum.InStage(Stage.Intermediate, "en").Select(l => l.Id).ToArray();
        sp.GetRequiredService<IProgressLog>().Record(new ProgressEvent("quizzer", ProgressEventKind.LessonFinished, order[0], Door.Terminal, DateTimeOffset.UtcNow));

        var result = await Say(sp, "/next");

        Assert.Equal(order[1], sp.GetRequiredService<ILearnerStore>().Find("quizzer")!.CurrentLessonId);
        Assert.Equal("lesson", Assert.Single(result.Cards).Kind);
    }

    [Fact]
    public async Task Lessons_lists_every_stage_and_marks_the_learners_stage()
    {
        using var sp = Start();

        var result = await Say(sp, "/lessons");

        Assert.Contains("Beginner  ◀ your stage", result.Text, StringComparison.Ordinal);
        Assert.Contains("Advanced", result.Text, StringComparison.Ordinal);
        Assert.Contains("traffic-shifting", result.Text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
