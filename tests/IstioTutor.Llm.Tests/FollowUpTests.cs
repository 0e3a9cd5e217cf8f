using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Turns;
using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

/// <summary>
/// With a model, a follow-up is retrieved against the conversation's previous answer: the section that
/// answer cited goes to the model first (in the language asked for), beside the history it already gets.
/// </summary>
[Collection(LlmCollection.Name)]
public sealed class FollowUpTests : IDisposable
{
    private const string TimeoutQuestion = "How do I give up on calls to reviews that take longer than 3 seconds?";
    private readonly LlmFixture _fixture;
    private readonly TutorHarness _tutor;

    public FollowUpTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
        _tutor = new TutorHarness(fixture);
    }

    public void Dispose() => _tutor.Dispose();

    /// <summary>Asks the timeout question; the model cites the first section it was given.</summary>
    private async Task<Citation> AskFirstAsync()
    {
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text($"Set a route timeout [{References.Ids(r.LastUser)[0]}].")));
        var first = await _tutor.AskAsync(TimeoutQuestion, stage: Stage.Intermediate);
        Assert.True(first.Grounded);
        return first.Citations[0];
    }

    private static string Id(Citation c) => $"{c.LessonId}/{SectionIds.Slug(c.Section)}";

    private async Task<IReadOnlyList<string>> FollowUpSentAsync(string text, string lang = "en")
    {
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text($"Here it is [{References.Ids(r.LastUser)[0]}].")));
        var answer = await _tutor.AskAsync(text, lang: lang, stage: Stage.Intermediate);
        Assert.True(answer.Grounded);
        return References.Ids(_fixture.Model.Received[^1].LastUser);
    }

    [Fact]
    public async Task Show_me_the_yaml_sends_the_previous_answers_section_first()
    {
        var cited = await AskFirstAsync();

        var sent = await FollowUpSentAsync("show me the YAML");

        Assert.Equal(Id(cited), sent[0]);
    }

    [Fact]
    public async Task Why_sends_the_previous_answers_section_first_with_the_history()
    {
        var cited = await AskFirstAsync();

        var sent = await FollowUpSentAsync("why?");

        Assert.Equal(Id(cited), sent[0]);
        Assert.Equal(TimeoutQuestion, _fixture.Model.Received[^1].Messages[1].Content);
    }

    [Fact]
    public async Task Korean_please_sends_the_previous_answers_section_in_korean()
    {
        var cited = await AskFirstAsync();

        var sent = await FollowUpSentAsync("한국어로 설명해줘", "ko");

        var ko = _fixture.Knowledge.Curriculum.FindExact(cited.LessonId, "ko")!.Sections.ToList();
        var en = _fixture.Knowledge.Curriculum.FindExact(cited.LessonId, "en")!.Sections.ToList();
        Assert.Equal(SectionIds.Of(ko[en.FindIndex(s => s.Heading == cited.Section)]), sent[0]);
    }

    [Fact]
    public async Task What_about_retries_sends_the_retries_section_of_the_conversations_lesson()
    {
        await AskFirstAsync();

        var sent = await FollowUpSentAsync("what about retries?");

        Assert.StartsWith("timeouts-retries/retries", sent[0], StringComparison.Ordinal);
    }
}
