using IstioTutor.Core.Turns;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Channels;

/// <summary>
/// /api/messages without Bot Framework credentials (the Emulator, local use): anyone on the machine can
/// claim any from.id and any serviceUrl, so neither may carry configured roles or send replies away.
/// </summary>
[Collection("bot-host")]
public sealed class UnauthenticatedDoorTests(BotHostFixture host)
{
    [Fact]
    public async Task Unauthenticated_activity_claiming_a_configured_admin_cannot_grant_roles()
    {
        var mallory = "mallory-" + Guid.NewGuid().ToString("N")[..8];
        await host.ExchangeAsync(host.Message("msteams", "roles-mallory-1", "/stage", userId: mallory));

        var reply = await host.ExchangeAsync(host.Message("msteams", "roles-admin-1", $"/role @teams-{mallory} admin", userId: BotHostFixture.ConfiguredAdminTeamsId));

        Assert.DoesNotContain("is now admin", reply.Text, StringComparison.Ordinal);
        var learners = host.App.Services.GetRequiredService<ILearnerStore>();
        Assert.Equal(LearnerRole.Learner, learners.FindByHandle($"teams-{mallory}")!.Role);
    }

    [Fact]
    public async Task Unauthenticated_activity_never_stores_a_configured_role()
    {
        await host.ExchangeAsync(host.Message("msteams", "roles-admin-2", "/stage", userId: BotHostFixture.ConfiguredAdminTeamsId));

        var stored = host.App.Services.GetRequiredService<ILearnerStore>().FindByHandle("teams:" + BotHostFixture.ConfiguredAdminTeamsId)!;

        Assert.Equal(LearnerRole.Learner, stored.Role);
    }

    [Fact]
    public async Task Reply_to_a_service_url_beyond_loopback_is_refused_with_401_before_the_turn_runs()
    {
        var activity = host.Message("msteams", "serviceurl-remote-1", "What does a VirtualService do?");
        activity["serviceUrl"] = "http://192.0.2.10:9/"; // TEST-NET-1: never routable

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await host.Http.SendAsync(Post(activity), timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stalled_loopback_service_url_releases_the_request_within_the_reply_timeout()
    {
        using var stalled = new TcpListener(IPAddress.Loopback, 0);
        stalled.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<TcpClient>();
        _ = Task.Run(async () =>
        {
            // Accepts connections and never answers, like a connector that hangs.
            while (true)
            {
                try
                {
                    held.Add(await stalled.AcceptTcpClientAsync());
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        var activity = host.Message("msteams", "serviceurl-stalled-1", "/stage");
        activity["serviceUrl"] = $"http://127.0.0.1:{((IPEndPoint)stalled.LocalEndpoint).Port}/";
        var clock = Stopwatch.StartNew();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await host.Http.SendAsync(Post(activity), timeout.Token);

        // Reply and error notice each give up after Bot:ReplyTimeoutSeconds (3 s here), not after 100 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        stalled.Stop();
        foreach (var c in held)
        {
            c.Dispose();
        }
    }

    private static HttpRequestMessage Post(System.Text.Json.Nodes.JsonObject activity) =>
        new(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
}
