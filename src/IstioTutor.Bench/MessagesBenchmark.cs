using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Bot.Channels;
using IstioTutor.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Bench;

/// <summary>
/// /api/messages turns per second, replies going to a loopback connector, for the tutor host and for a
/// bare echo bot on the same CloudAdapter in the same run. The tutor is held to half the echo bot's rate.
/// </summary>
public sealed class MessagesBenchmark : IBenchmark
{
    private const int Concurrency = 8;
    private const int WarmupTurns = 200;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(8);

    public string Name => "messages";

    public string Description => $"/api/messages turns/s over loopback HTTP ({Concurrency} concurrent senders, {Window.TotalSeconds:0} s each): echo bot vs tutor (question, command)";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var connector = await Connector.StartAsync();
        var data = Directory.CreateTempSubdirectory("istiotutor-bench-messages-");
        try
        {
            await using var echo = await StartEchoHostAsync();
            await using var tutor = BotHost.Build(data.FullName, new Dictionary<string, string?>
            {
                ["Serve:Port"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:IstioTutor"] = "Warning",
            });
            await tutor.StartAsync(cancellationToken);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 2 });

            var echoUrl = new Uri(echo.Urls.First() + "/api/messages");
            var tutorUrl = new Uri(tutor.BaseAddress(), "api/messages");
            var echoRate = await MeasureAsync(http, echoUrl, connector, "Hello there", cancellationToken);
            var questionRate = await MeasureAsync(http, tutorUrl, connector, "What does a VirtualService do?", cancellationToken);
            var commandRate = await MeasureAsync(http, tutorUrl, connector, "/stage", cancellationToken);
            return
            [
                new BenchFigure("echo bot", echoRate, "turns/s"),
                new BenchFigure("tutor, question", questionRate, "turns/s", "≥ 50% of echo"),
                new BenchFigure("tutor, question / echo", 100 * questionRate / echoRate, "%", "≥ 50 %"),
                new BenchFigure("tutor, /stage command", commandRate, "turns/s"),
                new BenchFigure("tutor, command / echo", 100 * commandRate / echoRate, "%", "≥ 50 %"),
            ];
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<double> MeasureAsync(HttpClient http, Uri endpoint, Connector connector, string text, CancellationToken cancellationToken)
    {
        await RunSendersAsync(http, endpoint, connector, text, turns: WarmupTurns, until: null, cancellationToken);
        var before = connector.Received;
        var clock = Stopwatch.StartNew();
        var sent = await RunSendersAsync(http, endpoint, connector, text, turns: int.MaxValue, until: Window, cancellationToken);
        clock.Stop();
        if (connector.Received - before != sent)
        {
            throw new InvalidOperationException($"{endpoint} accepted {sent} turns but the connector received {connector.Received - before} replies.");
        }

        return sent / clock.Elapsed.TotalSeconds;
    }

    private static async Task<int> RunSendersAsync(HttpClient http, Uri endpoint, Connector connector, string text, int turns, TimeSpan? until, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var tasks = Enumerable.Range(0, Concurrency).Select(async sender =>
        {
            var count = 0;
            while (Interlocked.Increment(ref next) < turns && (until is null || clock.Elapsed < until))
            {
                var activity = new JsonObject
                {
                    ["type"] = "message",
                    ["id"] = $"a{next}",
                    ["channelId"] = "msteams",
                    ["serviceUrl"] = connector.ServiceUrl,
                    ["from"] = new JsonObject { ["id"] = $"29:bench-{sender}", ["name"] = $"Bench {sender}" },
                    ["recipient"] = new JsonObject { ["id"] = "bot" },
                    ["conversation"] = new JsonObject { ["id"] = $"bench-{sender}" },
                    ["text"] = text,
                };
                using var response = await http.PostAsync(endpoint, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
                response.EnsureSuccessStatusCode();
                count++;
            }

            return count;
        });
        return (await Task.WhenAll(tasks)).Sum();
    }

    private static async Task<WebApplication> StartEchoHostAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddBotChannels(builder.Configuration);
        builder.Services.AddSingleton<EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, EchoBot bot) =>
            adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
        await app.StartAsync();
        return app;
    }

    /// <summary>The baseline: no pipeline, no store, one reply per message.</summary>
    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("echo: " + turnContext.Activity.Text), cancellationToken);
    }

    /// <summary>Stands in for the channel's connector: counts each reply the bots POST and acknowledges it.</summary>
    private sealed class Connector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _received;

        private Connector(WebApplication app) => _app = app;

        public int Received => Volatile.Read(ref _received);

        public string ServiceUrl => _app.Urls.First() + "/";

        public static async Task<Connector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var connector = new Connector(app);
            app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (HttpRequest request) =>
            {
                await request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref connector._received);
                return Results.Json(new { id = "r" });
            });
            await app.StartAsync();
            return connector;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
