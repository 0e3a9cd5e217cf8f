using IstioTutor.Core.Curriculum.Commands;
using IstioTutor.Core.Hosting;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Commands;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Tests.Turns;

/// <summary>Lesson pages, quiz cards and the learner's reply language through the real pipeline and LiteDB.</summary>
public sealed class LessonPagingAndLanguageTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("istiotutor-paging-").FullName;

    private ServiceProvider Start()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIstioTutor(new ConfigurationBuilder().AddInMemoryCollection().Build(), _data);
        return services.BuildServiceProvider();
    }

    private static Task<TurnResult> Say(ServiceProvider sp, string text, string user = "pager") =>
        sp.GetRequiredService<TutorPipeline>().HandleAsync(new TurnRequest(Door.Terminal, user, "c", text));

    [Fact]
    public async Task A_lesson_page_shows_that_section_only_with_previous_and_next_buttons()
    {
        using var sp = Start();
        var lesson = sp.GetRequiredService<KnowledgeBase>().Curriculum.Find("traffic-shifting", "en")!;

        var result = await Say(sp, "/lesson traffic-shifting 2");

        var card = Assert.Single(result.Cards);
        Assert.Equal($"{lesson.Title} (2/{LessonPresenter.PageCount(lesson)})", card.Title);
        Assert.Equal(lesson.Sections[1].Heading, Assert.Single(card.Sections).Heading);
        Assert.DoesNotContain(lesson.Sections[0].Heading, result.Text, StringComparison.Ordinal);
        Assert.Equal([new CardAction("lesson", "traffic-shifting 1"), new CardAction("lesson", "traffic-shifting 3")], card.Buttons.Select(b => b.Action));
    }

    [Fact]
    public async Task A_lesson_page_out_of_range_is_refused_naming_the_pages()
    {
        using var sp = Start();

        var result = await Say(sp, "/lesson traffic-shifting 99");

        Assert.Empty(result.Cards);
        Assert.Contains("there is no page 99", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_cards_list_the_options_in_the_body_and_number_the_buttons()
    {
        using var sp = Start();
        var question = sp.GetRequiredService<KnowledgeBase>().Curriculum.Find("traffic-shifting", "en")!.Quiz[0];

        var card = Assert.Single((await Say(sp, "/quiz traffic-shifting")).Cards);
        var learner = sp.GetRequiredService<ILearnerStore>().Find("pager")!;
        var shown = QuizShuffle.For(learner.Id, "traffic-shifting", question);

        Assert.Equal(shown.Options.Select((o, i) => $"{i + 1}. {o}"), card.Sections[1].Text!.Split('\n'));
        Assert.Equal(question.Options.Select((_, i) => $"{i + 1}"), card.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Command_words_keep_the_language_the_learner_wrote_in()
    {
        using var sp = Start();
        await Say(sp, "카나리 배포는 어떻게 하나요?", "korean");

        var lessons = await Say(sp, "/lessons", "korean");
        var lesson = await Say(sp, "/lesson traffic-shifting", "korean");

        Assert.Equal("ko", lessons.Lang);
        Assert.Equal("ko", lesson.Lang);
        Assert.Equal("ko", sp.GetRequiredService<ILearnerStore>().Find("korean")!.Lang);
    }

    [Fact]
    public async Task Lang_command_changes_the_stored_language_and_an_unknown_one_changes_nothing()
    {
        using var sp = Start();

        var bad = await Say(sp, "/lang fr", "switcher");
        var stored = sp.GetRequiredService<ILearnerStore>().Find("switcher")!.Lang;
        var good = await Say(sp, "/lang ko", "switcher");

        Assert.Contains("/lang ko", bad.Text, StringComparison.Ordinal);
        Assert.Equal("en", stored);
        Assert.Equal("ko", good.Lang);
        Assert.Equal("ko", sp.GetRequiredService<ILearnerStore>().Find("switcher")!.Lang);
        Assert.Equal("ko", (await Say(sp, "/stage", "switcher")).Lang);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may hold the file a moment longer; the temp dir is disposable.
        }
    }
}
