using System.Text.Json.Nodes;
using IstioTutor.Bot.Tests.Hosting;

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
    public async Task Teams_card_is_an_adaptive_card_whose_buttons_submit_the_card_action()
    {
        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-card-1", "/trial"));

        var attachment = Assert.Single(reply.Attachments)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["Action.Submit", "Action.Submit"], actions.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("trial-confirm", actions[0]!["data"]!["verb"]!.GetValue<string>());
        Assert.StartsWith("p-", actions[0]!["data"]!["argument"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("positive", actions[0]!["style"]!.GetValue<string>());
        var code = card["body"]!.AsArray().Select(e => e!["items"]?[0]?["inlines"]?[0]?["text"]?.GetValue<string>()).Single(t => t is not null);
        Assert.Contains("- weight: 90", code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_submitted_from_a_card_runs_the_action_for_the_learner_who_pressed_it()
    {
        var card = await host.ExchangeAsync(host.Message("msteams", "teams-confirm-1", "/trial", userId: "29:confirmer"));
        var data = card.Attachments[0]!["content"]!["actions"]![0]!["data"]!.DeepClone();

        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-confirm-1", "", userId: "29:confirmer", value: data));

        var argument = data["argument"]!.GetValue<string>();
        Assert.Equal($"Applied {argument}.", reply.Text);
        Assert.Contains(host.Trials.Confirmed, c => c.Argument == argument && c.Learner.StartsWith("teams-29-confirmer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Card_data_with_an_invalid_verb_is_refused_and_runs_nothing()
    {
        var before = host.Trials.Confirmed.Count;
        var value = new JsonObject { ["verb"] = "Trial-Confirm; DROP", ["argument"] = "p-1" };

        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-bad-card-1", "", value: value));

        Assert.Contains("no valid \"verb\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was done", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, host.Trials.Confirmed.Count);
    }

    [Fact]
    public async Task Pending_action_without_a_card_is_shown_with_confirm_and_cancel_buttons()
    {
        var reply = await host.ExchangeAsync(host.Message("msteams", "teams-pending-1", "/trial-pending"));

        var card = Assert.Single(reply.Attachments)!["content"]!;
        Assert.Equal("Apply VirtualService reviews", card["body"]![0]!["text"]!.GetValue<string>());
        var data = card["actions"]!.AsArray().Select(a => (a!["data"]!["verb"]!.GetValue<string>(), a["data"]!["argument"]!.GetValue<string>()));
        Assert.Equal([("confirm", "pa-7"), ("cancel", "pa-7")], data);
    }

    [Fact]
    public async Task Slack_answer_is_mrkdwn_with_sources_and_no_markdown_bold()
    {
        var reply = await host.ExchangeAsync(host.Message("slack", "slack-q-1", "What does a VirtualService do?", userId: "U024BE7LH:T024BE7LD"));

        Assert.Contains("_Sources:_", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• ", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_card_is_written_in_mrkdwn_with_buttons_that_send_the_text_command()
    {
        var reply = await host.ExchangeAsync(host.Message("slack", "slack-card-1", "<@U0BOT> /trial"));

        Assert.Contains("*Trial change*", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Routes *90%* to v1.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("```\napiVersion: networking.istio.io/v1", reply.Text, StringComparison.Ordinal);
        Assert.Matches("Or type: `!trial-confirm p-[0-9a-f]+`", reply.Text);
        var hero = Assert.Single(reply.Attachments)!;
        Assert.Equal("application/vnd.microsoft.card.hero", hero["contentType"]!.GetValue<string>());
        var button = hero["content"]!["buttons"]![0]!;
        Assert.Equal("imBack", button["type"]!.GetValue<string>());
        Assert.StartsWith("/trial-confirm p-", button["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_button_press_comes_back_as_its_command_and_confirms()
    {
        var card = await host.ExchangeAsync(host.Message("slack", "slack-confirm-1", "/trial", userId: "U1:T1"));
        var command = card.Attachments[0]!["content"]!["buttons"]![0]!["value"]!.GetValue<string>();

        var reply = await host.ExchangeAsync(host.Message("slack", "slack-confirm-1", command, userId: "U1:T1"));

        Assert.Equal($"Applied {command["/trial-confirm ".Length..]}.", reply.Text);
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
}
