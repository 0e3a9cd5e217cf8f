using System.Text.RegularExpressions;
using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.WebChat;

/// <summary>
/// The web chat cookie is a session secret: the learner id mentors see (dashboard, CSV, namespaces) must
/// not let anyone act as that learner. Each attack sends the id under the old cookie name and the new one.
/// </summary>
[Collection("bot-host")]
public sealed partial class WebSessionTests(BotHostFixture host)
{
    [Fact]
    public async Task Cookie_holding_a_learners_id_does_not_act_as_that_learner()
    {
        var (_, victimId) = await VictimAtAdvancedAsync();

        var (text, newSession) = await WebSessions.SendAsync(host.Http, $"istiotutor_learner={victimId}; istiotutor_session={victimId}", "/stage");

        Assert.True(newSession, "a cookie the host never issued must start a new session");
        Assert.StartsWith("Your stage is beginner", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_with_a_trailing_newline_is_not_trusted()
    {
        var (victim, victimId) = await VictimAtAdvancedAsync();

        var (text, newSession) = await WebSessions.SendAsync(host.Http, $"istiotutor_learner={victimId}%0A; istiotutor_session={victim.Secret}%0A", "/stage");

        Assert.True(newSession);
        Assert.StartsWith("Your stage is beginner", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Well_formed_session_the_host_never_issued_starts_a_new_learner()
    {
        var neverIssued = new string('A', 43);
        var before = host.App.Services.GetRequiredService<ILearnerStore>().FindByHandle("web-" + new string('0', 16));

        var (_, newSession) = await WebSessions.SendAsync(host.Http, $"istiotutor_learner=web-{new string('0', 16)}; istiotutor_session={neverIssued}", "/stage");

        Assert.True(newSession);
        Assert.Null(before);
        Assert.Null(host.App.Services.GetRequiredService<ILearnerStore>().FindByHandle("web-" + new string('0', 16)));
    }

    [Fact]
    public async Task Issued_session_keeps_its_learner_across_turns()
    {
        var (victim, _) = await VictimAtAdvancedAsync();

        var (text, newSession) = await WebSessions.SendAsync(host.Http, victim.Cookie, "/stage");

        Assert.False(newSession);
        Assert.StartsWith("Your stage is advanced", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_sent_with_a_learners_id_as_cookie_cannot_attach_another_door_to_that_learner()
    {
        var (_, victimId) = await VictimAtAdvancedAsync();
        var (linkReply, _) = await WebSessions.SendAsync(host.Http, $"istiotutor_learner={victimId}; istiotutor_session={victimId}", "/link");
        var code = LinkCode().Match(linkReply).Groups[1].Value;
        Assert.NotEmpty(code);

        var attacker = await host.ExchangeAsync(host.Message("emulator", "web-link-attack-1", $"/link {code}", userId: "mallory-" + Guid.NewGuid().ToString("N")[..8]));

        Assert.StartsWith("Linked", attacker.Text, StringComparison.Ordinal);
        var victimLearner = host.App.Services.GetRequiredService<ILearnerStore>().Find(victimId)!;
        Assert.DoesNotContain(victimLearner.Identities, i => i.Door != Door.Web);
    }

    /// <summary>A web learner who chose the advanced stage, and their id as mentors see it.</summary>
    private async Task<(WebSession Session, string LearnerId)> VictimAtAdvancedAsync()
    {
        var name = "victim-" + Guid.NewGuid().ToString("N")[..8];
        var session = await WebSessions.StartAsync(host.Http, "/stage advanced", name);
        var id = host.App.Services.GetRequiredService<ILearnerStore>().FindByHandle(name)!.Id;
        return (session, id);
    }

    [GeneratedRegex(@"/link ([A-Z0-9]+)")]
    private static partial Regex LinkCode();
}
