using System.Text.Json.Nodes;
using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Channels;

/// <summary>Real Bot Framework activities over HTTP to the running host; replies read from the loopback connector.</summary>
[Collection("bot-host")]
public sealed class BotFrameworkDoorTests(BotHostFixture host)
{
    [Fact]
    public async Task Teams_question_is_answered_on_the_connector_with_citations()
    {
        var activity = host.Message("msteams", "teams-q-1", "What does a VirtualService do?");

        var reply = await host.ExchangeAsync(activity);

        Assert.Equal(activity["id"]!.GetValue<string>(), reply.ReplyToId);
        Assert.Equal("markdown", reply.Body["textFormat"]?.GetValue<string>());
        Assert.Contains("**Sources**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[virtualservice-basics]", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_mention_of_the_bot_is_not_part_of_the_question()
    {
        var activity = host.Message("msteams", "teams-mention-1", "<at>IstioTutor</at> /stage");
        activity["entities"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>IstioTutor</at>",
                ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "IstioTutor" },
            },
        };

        var reply = await host.ExchangeAsync(activity);

        Assert.StartsWith("Your stage is beginner", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_apply_answers_with_an_adaptive_card_preview_showing_diff_findings_prediction_and_buttons()
    {
        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-apply-1", ApplyText, userId: "29:previewer"));

        var attachment = Assert.Single(reply.Attachments)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        var body = string.Join("\n", Texts(card["body"]!));
        Assert.Contains("+++ preview/VirtualService/reviews", body, StringComparison.Ordinal);
        Assert.Contains("Analysis", body, StringComparison.Ordinal);
        Assert.Contains("Prediction", body, StringComparison.Ordinal);
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["Action.Submit", "Action.Submit"], actions.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal(["confirm", "cancel"], actions.Select(a => a!["data"]!["verb"]!.GetValue<string>()));
        Assert.Equal("positive", actions[0]!["style"]!.GetValue<string>());
        Assert.DoesNotContain("```diff", reply.Text, StringComparison.Ordinal); // the card, not the message, carries the diff
        Assert.Contains("/confirm " + actions[0]!["data"]!["argument"]!.GetValue<string>(), reply.Text, StringComparison.Ordinal);
        Assert.Null(await host.GetAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(TeamsLearner("29:previewer")), "reviews"));
    }

    [Fact]
    public async Task Confirm_submitted_from_the_preview_card_applies_the_change_in_the_learners_sandbox()
    {
        var preview = await host.ExchangeAsync(host.Message("msteams", "teams-confirm-1", ApplyText, userId: "29:confirmer"));
        var data = preview.Attachments[0]!["content"]!["actions"]![0]!["data"]!.DeepClone();

        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-confirm-1", "", userId: "29:confirmer", value: data));

        var id = data["argument"]!.GetValue<string>();
        Assert.StartsWith($"Applied {id}", reply.Text, StringComparison.Ordinal);
        var ns = LearnerIds.NamespaceOf(TeamsLearner("29:confirmer"));
        var vs = await host.GetAsync(ResourceKinds.VirtualService, ns, "reviews");
        Assert.NotNull(vs);
        Assert.Equal("v2", vs["spec"]!["http"]![0]!["route"]![0]!["destination"]!["subset"]!.GetValue<string>());
        Assert.NotNull(await host.GetAsync(ResourceKinds.DestinationRule, ns, "reviews"));
    }

    [Fact]
    public async Task Cancel_submitted_from_the_preview_card_applies_nothing()
    {
        var preview = await host.ExchangeAsync(host.Message("msteams", "teams-cancel-1", ApplyText, userId: "29:canceller"));
        var cancel = preview.Attachments[0]!["content"]!["actions"]![1]!["data"]!.DeepClone();
        var confirm = preview.Attachments[0]!["content"]!["actions"]![0]!["data"]!.DeepClone();

        var cancelled = await host.ExchangeAsync(host.Message("msteams", "teams-cancel-1", "", userId: "29:canceller", value: cancel));
        // The preview is gone: pressing its Confirm button afterwards must apply nothing either.
        var late = await host.ExchangeAsync(host.Message("msteams", "teams-cancel-1", "", userId: "29:canceller", value: confirm));

        Assert.Contains("ancel", cancelled.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Applied", late.Text, StringComparison.Ordinal);
        Assert.Null(await host.GetAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(TeamsLearner("29:canceller")), "reviews"));
        Assert.Null(await host.GetAsync(ResourceKinds.DestinationRule, LearnerIds.NamespaceOf(TeamsLearner("29:canceller")), "reviews"));
    }

    [Fact]
    public async Task Confirm_card_pressed_by_another_learner_is_refused_and_applies_nothing()
    {
        var preview = await host.ExchangeAsync(host.Message("msteams", "teams-steal-1", ApplyText, userId: "29:owner"));
        var data = preview.Attachments[0]!["content"]!["actions"]![0]!["data"]!.DeepClone();

        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-steal-1", "", userId: "29:intruder", value: data));

        Assert.DoesNotContain("Applied", reply.Text, StringComparison.Ordinal);
        Assert.Null(await host.GetAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(TeamsLearner("29:owner")), "reviews"));
        Assert.Null(await host.GetAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(TeamsLearner("29:intruder")), "reviews"));
    }

    [Fact]
    public async Task Card_data_with_an_invalid_verb_is_refused_and_runs_nothing()
    {
        var preview = await host.ExchangeAsync(host.Message("msteams", "teams-bad-card-1", ApplyText, userId: "29:badcard"));
        var id = preview.Attachments[0]!["content"]!["actions"]![0]!["data"]!["argument"]!.GetValue<string>();
        var audit = host.App.Services.GetRequiredService<IAuditLog>();
        var audited = audit.Query(TeamsLearner("29:badcard")).Count;
        var value = new JsonObject { ["verb"] = "Confirm; DROP", ["argument"] = id };

        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-bad-card-1", "", userId: "29:badcard", value: value));

        Assert.Contains("no valid \"verb\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was done", reply.Text, StringComparison.Ordinal);
        // Nothing ran: the real preview it names stays unapplied and the guard saw no attempt.
        Assert.Null(await host.GetAsync(ResourceKinds.VirtualService, LearnerIds.NamespaceOf(TeamsLearner("29:badcard")), "reviews"));
        Assert.Equal(audited, audit.Query(TeamsLearner("29:badcard")).Count);
    }

    [Fact]
    public async Task Slack_answer_is_block_kit_with_sources_and_no_markdown_bold()
    {
        var reply = await host.ExchangeAsync(host.Message("slack", "slack-q-1", "What does a VirtualService do?", userId: "U024BE7LH:T024BE7LD"));

        var blocks = SlackBlocks(reply);
        Assert.Equal("plain", reply.Body["textFormat"]!.GetValue<string>());
        Assert.Contains(blocks, b => b["type"]!.GetValue<string>() == "context" && b.ToJsonString().Contains("*Sources:*", StringComparison.Ordinal));
        Assert.DoesNotContain("**", reply.Body["channelData"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_apply_preview_is_block_kit_with_the_diff_once_and_buttons_that_carry_the_card_action()
    {
        var reply = await host.ExchangeAsync(host.Message("slack", "slack-apply-1", "<@U0BOT> " + ApplyText, userId: "U3:T1"));

        var blocks = SlackBlocks(reply);
        var all = reply.Body["channelData"]!.ToJsonString();
        Assert.Contains(blocks, b => b["type"]!.GetValue<string>() == "header" && b["text"]!["text"]!.GetValue<string>().StartsWith("Preview ", StringComparison.Ordinal));
        var diff = Assert.Single(blocks, b => b["type"]!.GetValue<string>() == "section" && b["text"]!["text"]!.GetValue<string>().Contains("+++ preview/VirtualService/reviews", StringComparison.Ordinal));
        Assert.StartsWith("```\n", diff["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("**", all, StringComparison.Ordinal);
        var buttons = Assert.Single(blocks, b => b["type"]!.GetValue<string>() == "actions")["elements"]!.AsArray();
        Assert.Equal(["confirm", "cancel"], buttons.Select(b => JsonNode.Parse(b!["value"]!.GetValue<string>())!["verb"]!.GetValue<string>()));
        var context = string.Join("\n", blocks.Where(b => b["type"]!.GetValue<string>() == "context").Select(b => b["elements"]![0]!["text"]!.GetValue<string>()));
        Assert.Matches("Or type: `!confirm [^`]+`  `!cancel [^`]+`", context);
        Assert.Empty(reply.Attachments);
    }

    [Fact]
    public async Task Slack_confirm_button_press_comes_back_as_its_card_action_and_applies_the_change()
    {
        var preview = await host.ExchangeAsync(host.Message("slack", "slack-confirm-1", ApplyText, userId: "U1:T1"));
        var button = SlackBlocks(preview).Single(b => b["type"]!.GetValue<string>() == "actions")["elements"]![0]!;
        var press = host.Message("slack", "slack-confirm-1", "", userId: "U1:T1");
        press["channelData"] = new JsonObject { ["Payload"] = new JsonObject { ["actions"] = new JsonArray(new JsonObject { ["value"] = button["value"]!.GetValue<string>() }) } };

        var reply = await host.ExchangeAsync(press);

        var id = JsonNode.Parse(button["value"]!.GetValue<string>())!["argument"]!.GetValue<string>();
        Assert.StartsWith($"Applied {id}", reply.Text, StringComparison.Ordinal);
        var ns = LearnerIds.NamespaceOf(LearnerIds.FromChannelUser(Door.Slack, "U1:T1"));
        Assert.NotNull(await host.GetAsync(ResourceKinds.VirtualService, ns, "reviews"));
    }

    [Fact]
    public async Task A_learner_who_wrote_korean_gets_korean_replies_to_english_command_words()
    {
        await host.ExchangeAsync(host.Message("msteams", "teams-ko-1", "카나리 배포는 어떻게 하나요?", userId: "29:korean"));

        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-ko-1", "/stage", userId: "29:korean"));

        Assert.StartsWith("현재 단계는", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_command_sets_the_reply_language_before_any_question()
    {
        var set = await host.ExchangeAsync(host.Message("slack", "slack-lang-1", "!lang ko", userId: "U9:T1"));
        var reply = await host.ExchangeAsync(host.Message("slack", "slack-lang-1", "!stage", userId: "U9:T1"));

        Assert.StartsWith("이제 한국어로 답합니다", set.Text, StringComparison.Ordinal);
        Assert.StartsWith("현재 단계는", reply.Text, StringComparison.Ordinal);
        Assert.Contains("!stage beginner", reply.Body["channelData"]!["blocks"]![0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_command_typed_with_an_exclamation_mark_runs_as_the_slash_command()
    {
        var reply = await host.ExchangeAsync(host.Message("slack", "slack-bang-1", "!stage", userId: "U2:T1"));

        Assert.StartsWith("Your stage is beginner", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_without_a_sender_is_refused_with_a_reason()
    {
        var activity = host.Message("msteams", "teams-nofrom-1", "hello");
        activity.Remove("from");
        activity["from"] = new JsonObject { ["id"] = "" };

        var reply = await host.ExchangeAsync(activity);

        Assert.Contains("no from.id", reply.Text, StringComparison.Ordinal);
    }

    /// <summary>The request-routing lab's resources (reviews subsets, then jason → v2 and everyone else → v1) as a learner types them.</summary>
    private static string ApplyText => "/apply\n```yaml\n" + new IstioTutor.Core.Labs.Catalog.RequestRoutingLab().Definition.ReferenceSolution[0] + "\n```";

    /// <summary>Every "text" value in an Adaptive Card element tree, in document order.</summary>
    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "codeSnippet" && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(e => e is null ? [] : Texts(e)),
        _ => [],
    };

    private static JsonNode[] SlackBlocks(CapturedActivity reply) => reply.Body["channelData"]!["blocks"]!.AsArray().Select(b => b!).ToArray();

    private static string TeamsLearner(string userId) => LearnerIds.FromChannelUser(Door.Teams, userId);
}
