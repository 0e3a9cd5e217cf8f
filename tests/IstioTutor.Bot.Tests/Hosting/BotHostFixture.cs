using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Bot.Hosting;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Mesh.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>
/// The real bot host (Kestrel on 127.0.0.1:0, LiteDB in a fresh data directory, the real pipeline and
/// curriculum) plus a loopback connector for its replies, started once per test collection. No Bot
/// Framework app id is configured, so it runs unauthenticated as on a developer's machine.
/// </summary>
public class BotHostFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("istiotutor-bot-").FullName;

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public LoopbackConnector Connector { get; } = new();

    /// <summary>This fixture's own data directory: LiteDB and the embedded sandbox's file live here, isolated from other fixtures.</summary>
    public string DataDirectory => _dataDirectory;

    public CapturingLoggerProvider Logs { get; } = new();

    public const string ConfiguredAdminTeamsId = "29:configured-admin";

    /// <summary>Settings layered over appsettings.json; subclasses add an app id and password.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        await Connector.StartAsync();
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Serve:Port"] = "0",
            // An identity configuration names as admin: only an authenticated request may act with it.
            ["Tutor:Admins:0"] = "teams:" + ConfiguredAdminTeamsId,
            // Short, so a test can show a stalled serviceUrl does not hold a request for long.
            ["Bot:ReplyTimeoutSeconds"] = "3",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        App = BotHost.Build(
            _dataDirectory,
            settings,
            configureLogging: logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(Logs);
            });
        await App.StartAsync();
        // No cookie container: each test states the cookies it sends.
        Http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = App.BaseAddress() };
    }

    /// <summary>A message activity as a channel would POST it, addressed to reply to <see cref="Connector"/>.</summary>
    public JsonObject Message(string channelId, string conversationId, string text, string userId = "user-1", string userName = "Ada", JsonNode? value = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "act-" + Guid.NewGuid().ToString("N")[..8],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = channelId,
            ["serviceUrl"] = Connector.ServiceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName },
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "IstioTutor" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = text,
        };
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? bearerToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Posts the activity, expects the host to accept it, and returns the one reply the connector got.</summary>
    public async Task<CapturedActivity> ExchangeAsync(JsonObject activity)
    {
        var conversation = activity["conversation"]!["id"]!.GetValue<string>();
        var before = Connector.For(conversation).Count;
        using var response = await PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var replies = Connector.For(conversation);
        Assert.Equal(before + 1, replies.Count);
        return replies[^1];
    }

    /// <summary>Reads an object straight from the sandbox through the host's own cluster seam (not through chat).</summary>
    public Task<JsonObject?> GetAsync(ResourceKind kind, string ns, string name) =>
        App.Services.GetRequiredService<IMeshCluster>().GetAsync(kind, ns, name, CancellationToken.None);

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still hold the file briefly on shutdown; the temp dir is disposable.
        }
    }
}
