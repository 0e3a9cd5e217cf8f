using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>
/// Stands in for a channel's Bot Connector service: the bot replies to <c>serviceUrl</c>, here a Kestrel
/// server on loopback that keeps every activity POSTed to /v3/conversations/{id}/activities[/{replyTo}].
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<CapturedActivity> _received = new();
    private WebApplication? _app;

    public Uri ServiceUrl { get; private set; } = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (string conversationId, string? replyToId, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            _received.Enqueue(new CapturedActivity(Uri.UnescapeDataString(conversationId), replyToId, body, request.Headers.Authorization.ToString()));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await _app.StartAsync();
        ServiceUrl = new Uri(_app.Urls.First() + "/");
    }

    /// <summary>Every activity the bot sent to this conversation so far, in order.</summary>
    public IReadOnlyList<CapturedActivity> For(string conversationId) =>
        _received.Where(a => a.ConversationId == conversationId).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One activity the bot posted to the connector, as JSON.</summary>
public sealed record CapturedActivity(string ConversationId, string? ReplyToId, JsonObject Body, string Authorization)
{
    public string Text => Body["text"]?.GetValue<string>() ?? "";

    public JsonArray Attachments => Body["attachments"] as JsonArray ?? [];
}
