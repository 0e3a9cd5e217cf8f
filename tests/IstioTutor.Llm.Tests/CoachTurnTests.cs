using System.Net;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Turns;
using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

/// <summary>
/// /hint and /answer through the real pipeline, the embedded sandbox and the loopback model server: the
/// model's hint or feedback is added with a model, and the reply is exactly the offline one without a model
/// or when the model is down.
/// </summary>
[Collection(LlmCollection.Name)]
public sealed class CoachTurnTests : IDisposable
{
    private const string Lab = "bookinfo-gateway";
    private static readonly Dictionary<string, string?> NoModel = new() { ["Llm:Provider"] = "none" };

    private readonly LlmFixture _fixture;
    private readonly TutorHarness _tutor;

    public CoachTurnTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
        _tutor = new TutorHarness(fixture);
    }

    public void Dispose() => _tutor.Dispose();

    private static Task<TurnResult> SayAsync(TutorHarness tutor, string text, string learner = "alice") =>
        tutor.Pipeline.HandleAsync(new TurnRequest(Door.Terminal, learner, "c1", text, DisplayName: learner));

    private static async Task ApplyAsync(TutorHarness tutor, string yaml)
    {
        var preview = await SayAsync(tutor, "/apply\n```yaml\n" + yaml + "\n```");
        Assert.True(preview.PendingAction is not null, "preview failed: " + preview.Text);
        var confirmed = await SayAsync(tutor, "/confirm " + preview.PendingAction!.Id);
        Assert.StartsWith("Applied", confirmed.Text, StringComparison.Ordinal);
    }

    private LabDefinition Definition => _tutor.Get<LabCatalog>().Find(Lab)!.Definition;

    private string GatewayOnly => Definition.ReferenceFor(_tutor.Learner().Namespace)[0].Split("---")[0];

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return text[start..text.IndexOf(close, start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Hint_with_a_model_adds_a_hint_grounded_in_the_lab_goal_and_the_learners_current_objects()
    {
        await ApplyAsync(_tutor, GatewayOnly);
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text(
            $"Your Gateway is in place; now bind a VirtualService to it through spec.gateways [{References.Ids(r.LastUser)[0]}].")));

        var reply = await SayAsync(_tutor, $"/hint {Lab}");

        Assert.StartsWith("1/3. " + Definition.Hints[0].En, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Tutor model's hint for your sandbox: Your Gateway is in place", reply.Text, StringComparison.Ordinal);
        Assert.Single(reply.Citations);
        var prompt = _fixture.Model.Received.Single();
        Assert.Empty(prompt.ToolNames);
        Assert.Contains(Definition.Goal.En, prompt.LastUser, StringComparison.Ordinal);
        var resources = Between(prompt.LastUser, "<resources>", "</resources>");
        Assert.Contains("kind: Gateway", resources, StringComparison.Ordinal);
        Assert.Contains("name: bookinfo-gateway", resources, StringComparison.Ordinal);
        Assert.Contains("- " + Definition.Hints[0].En, Between(prompt.LastUser, "<hints>", "</hints>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_hint_that_repeats_the_reference_solution_is_dropped_and_the_catalogue_hint_stands_alone()
    {
        using var offline = new TutorHarness(_fixture, NoModel);
        var expected = await SayAsync(offline, $"/hint {Lab}");
        _fixture.Model.Script(ScriptedReply.Text("Just apply this:\n```yaml\n" + Definition.ReferenceFor(_tutor.Learner().Namespace)[0] + "\n```"));

        var reply = await SayAsync(_tutor, $"/hint {Lab}");

        Assert.Equal(expected.Text, reply.Text);
        Assert.Contains(_tutor.Logs.Lines, l => l.Contains("Dropped the model's hint for lab bookinfo-gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hint_without_a_model_is_the_catalogue_hint_and_nothing_is_sent()
    {
        using var offline = new TutorHarness(_fixture, NoModel);

        var reply = await SayAsync(offline, $"/hint {Lab}");

        Assert.Equal($"1/3. {Definition.Hints[0].En}\n/hint {Lab} again for the next one.", reply.Text.ReplaceLineEndings("\n"));
        Assert.Empty(_fixture.Model.Received);
    }

    [Fact]
    public async Task Hint_when_the_model_is_down_is_the_catalogue_hint_unchanged()
    {
        using var offline = new TutorHarness(_fixture, NoModel);
        var expected = await SayAsync(offline, $"/hint {Lab}");
        _fixture.Model.Script(ScriptedReply.Error(HttpStatusCode.InternalServerError), ScriptedReply.Error(HttpStatusCode.InternalServerError));

        var reply = await SayAsync(_tutor, $"/hint {Lab}");

        Assert.Equal(expected.Text, reply.Text);
        Assert.Equal(2, _fixture.Model.Received.Count);
    }

    private (string Id, int Wrong, int Right, string Explanation) QuizLesson()
    {
        var lesson = _fixture.Knowledge.Curriculum.Lessons.First(l => l.Lang == "en" && l.Quiz.Count > 1);
        // Options are shown in alice's own order, so the numbers she answers with are in that order.
        var q = QuizShuffle.For("alice", lesson.Id, lesson.Quiz[0]);
        return (lesson.Id, (q.CorrectIndex + 1) % q.Options.Count + 1, q.CorrectIndex + 1, q.Explanation);
    }

    [Fact]
    public async Task A_wrong_answer_with_a_model_adds_its_feedback_after_the_lessons_explanation()
    {
        var (id, wrong, _, explanation) = QuizLesson();
        await SayAsync(_tutor, $"/quiz {id}");
        _fixture.Model.Script(ScriptedReply.From(r => ScriptedReply.Text(
            $"You mixed up the control plane and the data plane [{References.Ids(r.LastUser)[0]}].")));

        var reply = await SayAsync(_tutor, $"/answer {wrong}");

        Assert.Contains(explanation + "\n\nTutor model: You mixed up the control plane and the data plane", reply.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Single(reply.Citations);
        Assert.Contains("Learner's answer: ", _fixture.Model.Received.Single().LastUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_right_answer_asks_the_model_nothing()
    {
        var (id, _, right, _) = QuizLesson();
        await SayAsync(_tutor, $"/quiz {id}");

        var reply = await SayAsync(_tutor, $"/answer {right}");

        Assert.StartsWith("✓ Correct.", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_fixture.Model.Received);
    }

    [Fact]
    public async Task A_wrong_answer_when_the_model_is_down_gets_exactly_the_offline_feedback()
    {
        var (id, wrong, _, _) = QuizLesson();
        using var offline = new TutorHarness(_fixture, NoModel);
        await SayAsync(offline, $"/quiz {id}");
        var expected = await SayAsync(offline, $"/answer {wrong}");
        await SayAsync(_tutor, $"/quiz {id}");
        _fixture.Model.Script(ScriptedReply.Error(HttpStatusCode.ServiceUnavailable), ScriptedReply.Error(HttpStatusCode.ServiceUnavailable));

        var reply = await SayAsync(_tutor, $"/answer {wrong}");

        Assert.Equal(expected.Text, reply.Text);
        Assert.DoesNotContain("Tutor model", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, _fixture.Model.Received.Count);
    }
}
