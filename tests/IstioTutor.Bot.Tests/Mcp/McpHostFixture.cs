using System.Text.Json;
using IstioTutor.Bot.Hosting;
using IstioTutor.Bot.Tests.Hosting;
using IstioTutor.Core.Labs.Catalog;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace IstioTutor.Bot.Tests.Mcp;

/// <summary>
/// The real host with /mcp (Kestrel on a free loopback port, LiteDB in a temp directory, the embedded sandbox),
/// learners who get their tokens by typing /mcp-token in the terminal door, and the SDK's own HTTP client.
/// </summary>
public sealed class McpHostFixture : BotHostFixture
{
    /// <summary>Low enough that the rate-limit test reaches it quickly; each test uses its own learner and token.</summary>
    public const int RequestsPerMinute = 40;

    public static readonly string RoutingManifest = new RequestRoutingLab().Definition.ReferenceSolution[0];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mcp:RequestsPerMinute"] = RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Uri Endpoint => new(App.BaseAddress(), "mcp");

    /// <summary>A learner types a message in the terminal door (their own conversation there).</summary>
    public Task<TurnResult> TerminalAsync(string learner, string text) =>
        App.Services.GetRequiredService<TutorPipeline>().HandleAsync(new TurnRequest(Door.Terminal, learner, "terminal", text, DisplayName: learner));

    /// <summary>The learner types /mcp-token in chat and copies the token out of the reply.</summary>
    public async Task<string> IssueTokenAsync(string learner)
    {
        var reply = await TerminalAsync(learner, "/mcp-token");
        return reply.Text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("itmcp_", StringComparison.Ordinal));
    }

    public Task<McpClient> ConnectAsync(string token, Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicit = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        var options = new McpClientOptions { ClientInfo = new Implementation { Name = "istiotutor-tests", Version = "1.0.0" } };
        if (elicit is not null)
        {
            options.Handlers = new McpClientHandlers { ElicitationHandler = elicit };
        }

        return McpClient.CreateAsync(transport, options);
    }

    public static async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []);
        Assert.True(result.IsError is not true, $"{tool} failed: {Text(result)}");
        return result.StructuredContent ?? throw new Xunit.Sdk.XunitException($"{tool} returned no structured content: {Text(result)}");
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>An elicitation handler that answers as a person would in the client's dialog, remembering the question.</summary>
    public static Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>> Answer(bool apply, List<string> asked) =>
        (request, _) =>
        {
            asked.Add(request?.Message ?? "");
            return ValueTask.FromResult(new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement> { ["apply"] = JsonSerializer.SerializeToElement(apply) },
            });
        };
}

[CollectionDefinition("mcp-host")]
public sealed class McpHostCollection : ICollectionFixture<McpHostFixture>;
