using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Watching;
using Microsoft.Extensions.Configuration;

namespace IstioTutor.Sandbox.Tests.Watching;

/// <summary>Watch bounds on a server of their own: per-client limit, idle close, kept history, options checked at start.</summary>
public sealed class WatchLimitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("istiotutor-watch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(SandboxServer Server, HttpClient Http)> StartAsync(SandboxWatchOptions options)
    {
        var server = await SandboxServer.StartAsync(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), 0, new RequireHostsValidator(), null, CancellationToken.None, options);
        var http = PinnedHttp.Create(server.Endpoint);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return (server, http);
    }

    private static Task<HttpResponseMessage> WatchAsync(HttpClient http, string query = "") =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/istio-system/pods?watch=true" + query), HttpCompletionOption.ResponseHeadersRead);

    [Fact]
    public async Task A_watch_beyond_the_per_client_bound_is_refused_with_429_naming_the_setting()
    {
        var (server, http) = await StartAsync(new SandboxWatchOptions { MaxPerClient = 2 });
        await using var _ = server;
        using var __ = http;
        using var first = await WatchAsync(http);
        using var second = await WatchAsync(http);

        using var third = await WatchAsync(http);
        var status = JsonNode.Parse(await third.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal("TooManyRequests", (string?)status["reason"]);
        Assert.Contains("Sandbox:Watch:MaxPerClient", (string?)status["message"]);
    }

    [Fact]
    public async Task Closing_a_watch_frees_its_place_for_another()
    {
        var (server, http) = await StartAsync(new SandboxWatchOptions { MaxPerClient = 1 });
        await using var _ = server;
        using var __ = http;
        using (var first = await WatchAsync(http))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        HttpResponseMessage? next = null;
        for (var i = 0; i < 50 && next?.StatusCode != HttpStatusCode.OK; i++)
        {
            next?.Dispose();
            await Task.Delay(100);
            next = await WatchAsync(http);
        }

        using var second = next!;
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task An_idle_watch_is_closed_by_the_server_after_the_idle_timeout()
    {
        var (server, http) = await StartAsync(new SandboxWatchOptions { IdleTimeout = TimeSpan.FromSeconds(1) });
        await using var _ = server;
        using var __ = http;
        using var response = await WatchAsync(http, "&resourceVersion=" + await CurrentVersionAsync(http));

        var started = DateTime.UtcNow;
        var body = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("", body);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_watch_with_timeout_seconds_replays_events_since_its_resource_version_and_ends()
    {
        var (server, http) = await StartAsync(new SandboxWatchOptions());
        await using var _ = server;
        using var __ = http;
        var version = await CurrentVersionAsync(http);
        await http.PostAsync("/api/v1/namespaces", new StringContent("""{"metadata":{"name":"learn-replay"}}""", System.Text.Encoding.UTF8, "application/json"));

        using var response = await http.GetAsync($"/api/v1/namespaces/learn-replay/pods?watch=true&timeoutSeconds=1&resourceVersion={version}");
        var events = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal("ADDED", (string?)e["type"]));
    }

    [Fact]
    public async Task A_watch_from_a_version_older_than_the_kept_history_is_410_gone()
    {
        var (server, http) = await StartAsync(new SandboxWatchOptions { HistorySize = 2 });
        await using var _ = server;
        using var __ = http;
        await http.PostAsync("/api/v1/namespaces", new StringContent("""{"metadata":{"name":"learn-gone"}}""", System.Text.Encoding.UTF8, "application/json"));

        using var response = await WatchAsync(http, "&resourceVersion=1");
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("Expired", (string?)status["reason"]);
        Assert.StartsWith("too old resource version: 1 (", (string?)status["message"]);
    }

    [Fact]
    public async Task Out_of_range_watch_settings_fail_at_start_naming_the_key()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SandboxServer.StartAsync(Path.Combine(_directory, "bad.db"), 0, null, null, CancellationToken.None, new SandboxWatchOptions { MaxPerClient = 0 }));

        Assert.Contains("Sandbox:Watch:MaxPerClient", e.Message);
        Assert.False(File.Exists(Path.Combine(_directory, "bad.db")));
    }

    [Fact]
    public async Task Stopping_the_server_ends_its_open_watches_at_once()
    {
        var (server, http) = await StartAsync(new SandboxWatchOptions());
        using var _ = http;
        using var response = await WatchAsync(http, "&resourceVersion=" + await CurrentVersionAsync(http));
        var body = response.Content.ReadAsStringAsync();

        var stopping = DateTime.UtcNow;
        await server.DisposeAsync();

        Assert.InRange(DateTime.UtcNow - stopping, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await body.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Send_initial_events_ends_the_initial_state_with_a_bookmark()
    {
        var (server, http) = await StartAsync(new SandboxWatchOptions());
        await using var _ = server;
        using var __ = http;

        using var response = await http.GetAsync("/api/v1/namespaces/istio-system/services?watch=true&timeoutSeconds=1&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");
        var events = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(["ADDED", "ADDED", "BOOKMARK"], events.Select(e => (string)e["type"]!));
        Assert.Equal("true", (string?)events[^1]["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]);
    }

    [Fact]
    public void Watch_settings_from_configuration_that_are_not_numbers_fail_naming_the_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sandbox:Watch:IdleTimeout"] = "soon" })
            .Build();

        var e = Assert.Throws<InvalidOperationException>(() => SandboxWatchOptions.From(configuration));

        Assert.Contains("Sandbox:Watch:IdleTimeout", e.Message);
    }

    [Fact]
    public void Watch_settings_from_configuration_are_read()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sandbox:Watch:MaxPerClient"] = "7", ["Sandbox:Watch:IdleTimeout"] = "00:02:00" })
            .Build();

        var options = SandboxWatchOptions.From(configuration);

        Assert.Equal((7, TimeSpan.FromMinutes(2)), (options.MaxPerClient, options.IdleTimeout));
    }

    private static async Task<string> CurrentVersionAsync(HttpClient http) =>
        (string)JsonNode.Parse(await http.GetStringAsync("/api/v1/namespaces"))!["metadata"]!["resourceVersion"]!;
}
