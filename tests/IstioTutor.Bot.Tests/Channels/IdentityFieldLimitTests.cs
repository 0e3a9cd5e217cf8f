using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Channels;

/// <summary>Identity fields of any length reach the store without failing the turn (LiteDB index keys stop at 1,023 bytes).</summary>
[Collection("bot-host")]
public sealed class IdentityFieldLimitTests(BotHostFixture host)
{
    [Fact]
    public async Task Two_thousand_byte_from_id_and_name_are_answered_and_keep_one_learner()
    {
        var id = "29:" + Guid.NewGuid().ToString("N") + new string('x', 2000);
        var name = "\u001b[31mRed\u001b[0m " + new string('n', 2000);

        var first = await host.ExchangeAsync(host.Message("msteams", "long-identity-1", "/stage advanced", userId: id, userName: name));
        var second = await host.ExchangeAsync(host.Message("msteams", "long-identity-1", "/stage", userId: id, userName: name));

        Assert.StartsWith("Stage set to advanced", first.Text, StringComparison.Ordinal);
        Assert.StartsWith("Your stage is advanced", second.Text, StringComparison.Ordinal);
        var learner = host.App.Services.GetRequiredService<ILearnerStore>().FindByHandle("teams:" + id)!;
        Assert.Equal(id, Assert.Single(learner.Identities).ChannelUserId);
        Assert.True(learner.DisplayName.Length <= DisplayText.MaxNameLength);
        Assert.DoesNotContain('\u001b', learner.DisplayName);
    }

    [Fact]
    public async Task Two_thousand_byte_conversation_id_is_answered()
    {
        var conversation = "conv-" + new string('c', 2000);

        var reply = await host.ExchangeAsync(host.Message("msteams", conversation, "/stage", userId: "long-conversation-user"));

        Assert.StartsWith("Your stage is", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Door.Teams, host.App.Services.GetRequiredService<ILearnerStore>().FindByHandle("teams:long-conversation-user")!.Identities[0].Door);
    }
}
