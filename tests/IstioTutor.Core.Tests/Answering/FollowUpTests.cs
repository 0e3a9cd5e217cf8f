using IstioTutor.Core.Answering;
using IstioTutor.Core.Answering.FollowUps;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Knowledge.Search;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Storage;
using IstioTutor.Core.Tests.Knowledge;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Tests.Answering;

/// <summary>
/// Offline follow-ups resolved against the conversation's previous answer, which is kept in the tutor's
/// LiteDB file (a real file in a temp directory per test).
/// </summary>
public sealed class FollowUpTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>, IDisposable
{
    private const string TimeoutQuestion = "How do I give up on calls to reviews that take longer than 3 seconds?";
    private readonly string _data = Directory.CreateTempSubdirectory("istiotutor-followups-").FullName;
    private readonly List<TutorDatabase> _databases = [];

    public void Dispose()
    {
        foreach (var db in _databases)
        {
            db.Dispose();
        }

        Directory.Delete(_data, recursive: true);
    }

    private OfflineAnswerEngine Engine()
    {
        var db = new TutorDatabase(new DataDirectory(_data));
        _databases.Add(db);
        var options = Options.Create(new KnowledgeOptions());
        var retriever = new KnowledgeRetriever(fixture.Knowledge, options);
        var resolver = new FollowUpResolver(fixture.Knowledge, retriever, new PreviousAnswerStore(db), options, TimeProvider.System);
        return new OfflineAnswerEngine(fixture.Knowledge, retriever, new AnswerComposer(), resolver, new FollowUpComposer());
    }

    private static Task<Answer> Ask(OfflineAnswerEngine engine, string text, string lang = "en", string conversation = "c1") =>
        engine.AnswerAsync(new AnswerRequest(text, lang, Stage.Intermediate, new Learner { Id = "terminal:ann", Stage = Stage.Intermediate }, conversation, Door.Terminal), CancellationToken.None);

    [Fact]
    public async Task Show_me_the_yaml_gives_the_yaml_of_the_previous_answers_lesson()
    {
        var engine = Engine();
        var first = await Ask(engine, TimeoutQuestion);

        var yaml = await Ask(engine, "show me the YAML");

        Assert.True(yaml.Grounded);
        Assert.Equal(first.Citations[0].LessonId, yaml.Citations[0].LessonId);
        Assert.StartsWith("Here is the YAML from", yaml.Text, StringComparison.Ordinal);
        Assert.Contains("```yaml", yaml.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_in_english_after_a_korean_answer_uses_the_english_section()
    {
        var engine = Engine();
        await Ask(engine, TimeoutQuestion);
        await Ask(engine, "한국어로 설명해줘", "ko");

        var yaml = await Ask(engine, "show me the YAML");

        Assert.Equal("en", yaml.Citations[0].Lang);
    }

    [Fact]
    public async Task What_about_retries_after_a_timeout_answer_is_answered_about_retries()
    {
        var engine = Engine();
        await Ask(engine, TimeoutQuestion);

        var retries = await Ask(engine, "what about retries?");

        Assert.True(retries.Grounded);
        Assert.Equal("timeouts-retries", retries.Citations[0].LessonId);
        Assert.Contains("retr", retries.Citations[0].Section, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Korean_please_gives_the_previous_answers_section_in_korean()
    {
        var engine = Engine();
        var first = await Ask(engine, TimeoutQuestion);

        var korean = await Ask(engine, "한국어로 설명해줘", "ko");

        Assert.True(korean.Grounded);
        Assert.Equal("ko", korean.Citations[0].Lang);
        Assert.Equal(first.Citations[0].LessonId, korean.Citations[0].LessonId);
        var en = fixture.Knowledge.Curriculum.FindExact(first.Citations[0].LessonId, "en")!.Sections.ToList();
        var ko = fixture.Knowledge.Curriculum.FindExact(first.Citations[0].LessonId, "ko")!.Sections.ToList();
        Assert.Equal(en.FindIndex(s => s.Heading == first.Citations[0].Section), ko.FindIndex(s => s.Heading == korean.Citations[0].Section));
    }

    [Fact]
    public async Task Why_explains_from_the_previous_answers_section()
    {
        var engine = Engine();
        var first = await Ask(engine, TimeoutQuestion);

        var why = await Ask(engine, "why?");

        Assert.True(why.Grounded);
        Assert.Equal((first.Citations[0].LessonId, first.Citations[0].Section), (why.Citations[0].LessonId, why.Citations[0].Section));
        Assert.StartsWith("Why — from", why.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_previous_answer_survives_a_restart_in_the_litedb_file()
    {
        var first = await Ask(Engine(), TimeoutQuestion);
        _databases.Single().Dispose();
        _databases.Clear();

        var why = await Ask(Engine(), "why?");

        Assert.True(why.Grounded);
        Assert.Equal(first.Citations[0].LessonId, why.Citations[0].LessonId);
    }

    [Fact]
    public async Task A_follow_up_in_another_conversation_does_not_see_the_previous_answer()
    {
        var engine = Engine();
        await Ask(engine, TimeoutQuestion, conversation: "one");

        var why = await Ask(engine, "show me the YAML", conversation: "two");

        Assert.DoesNotContain("Here is the YAML from", why.Text, StringComparison.Ordinal);
    }
}
