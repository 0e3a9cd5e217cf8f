using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Turns;
using IstioTutor.Llm.Tests.OpenAiServer;

namespace IstioTutor.Llm.Tests;

[Collection(LlmCollection.Name)]
public sealed class ConversationTests
{
    private readonly LlmFixture _fixture;

    public ConversationTests(LlmFixture fixture)
    {
        _fixture = fixture;
        fixture.Model.Reset();
    }

    [Fact]
    public async Task Follow_up_question_carries_the_previous_turn_even_after_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "istiotutor-llm-history-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var first = new TutorHarness(_fixture, dataDirectory: data))
            {
                _fixture.Model.Script(ScriptedReply.Text("Canary releases shift a small share of traffic first."));
                await first.AskAsync("What is a canary release in Istio?");
            }

            using var second = new TutorHarness(_fixture, dataDirectory: data);
            _fixture.Model.Script(ScriptedReply.Text("Then raise the weight step by step."));
            await second.AskAsync("And what traffic weight comes after that in the canary?");

            var messages = _fixture.Model.Received[^1].Messages;
            Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m.Role));
            Assert.Equal("What is a canary release in Istio?", messages[1].Content);
            Assert.Equal("Canary releases shift a small share of traffic first.", messages[2].Content);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task History_is_kept_per_conversation()
    {
        using var tutor = new TutorHarness(_fixture);
        _fixture.Model.Script(ScriptedReply.Text("About mTLS."), ScriptedReply.Text("About gateways."));

        await tutor.AskAsync("What does mTLS STRICT mode do?", conversation: "one");
        await tutor.AskAsync("What does an ingress gateway do?", conversation: "two");

        Assert.Equal(["system", "user"], _fixture.Model.Received[^1].Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task History_is_cut_oldest_first_to_fit_the_token_budget()
    {
        using var tutor = new TutorHarness(_fixture, new Dictionary<string, string?> { ["Llm:TokenBudget"] = "4000", ["Llm:MaxSections"] = "1" });
        var store = tutor.Get<ConversationStore>();
        var learner = tutor.Learner();
        for (var i = 0; i < 20; i++)
        {
            // ~250 tokens each: twenty of them cannot all fit beside the prompt in 4000.
            store.Append(learner.Id, "long", new ConversationMessage(ConversationRole.Learner, $"question {i} " + new string('q', 1000), DateTimeOffset.UtcNow));
        }

        _fixture.Model.Script(ScriptedReply.Text("ok"));
        await tutor.AskAsync("What is a sidecar proxy in Istio?", conversation: "long");

        var request = _fixture.Model.Received.Single();
        var history = request.Messages.Skip(1).SkipLast(1).Select(m => m.Content).ToArray();
        var total = request.Messages.Sum(m => TokenEstimator.Message(m.Content));
        Assert.InRange(history.Length, 1, 19);
        Assert.StartsWith("question 19 ", history[^1], StringComparison.Ordinal);
        Assert.True(total <= 4000, $"the prompt is about {total} tokens, over the 4000 budget");
    }
}
