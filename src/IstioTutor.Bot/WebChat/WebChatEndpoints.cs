using System.Text.Json;
using IstioTutor.Bot.Hosting;
using IstioTutor.Bot.Rendering;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IstioTutor.Bot.WebChat;

public static class WebChatEndpoints
{
    public const string ChatPath = "/api/chat";

    /// <summary>The web chat page at / and its JSON endpoint, POST /api/chat → the turn result as JSON.</summary>
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (WebChatAssets assets) => assets.Serve("index.html"));
        endpoints.MapGet("/webchat/{file}", (string file, WebChatAssets assets) => assets.Serve(file));
        endpoints.MapPost(ChatPath, ChatAsync).WithMetadata(RequestBodyLimit.Chat);
        return endpoints;
    }

    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<WebChatAssets>().AddSingleton<WebSessionStore>().AddSingleton<WebChatIdentity>();
    }

    private static async Task<IResult> ChatAsync(HttpContext http, TutorPipeline pipeline, WebChatIdentity identity, CancellationToken cancellationToken)
    {
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            // Also keeps plain HTML forms on other sites from posting turns with the learner's cookie.
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send the message as JSON (Content-Type: application/json), e.g. {\"text\": \"What is a sidecar?\"}.");
        }

        WebChatRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<WebChatRequest>(http.Request.Body, WebChatJson.Options, cancellationToken);
        }
        catch (Exception e) when (RequestBodyLimit.IsExceeded(e))
        {
            return RequestBodyLimit.Chat.TooLarge();
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, $"The body is not valid JSON at {e.Path ?? "$"} (line {e.LineNumber + 1}); send {{\"text\": \"...\"}} or {{\"action\": {{\"verb\": \"confirm\", \"argument\": \"ID\"}}}}.");
        }

        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is empty; send {\"text\": \"...\"}.");
        }

        CardAction? action = null;
        if (body.Action is { } posted)
        {
            action = Channels.CardActionReader.Read(
                new Newtonsoft.Json.Linq.JObject { ["verb"] = posted.Verb, ["argument"] = posted.Argument }, null, out var error);
            if (action is null)
            {
                return Problem(StatusCodes.Status400BadRequest, $"The action is not valid: {error}.");
            }
        }

        var learner = identity.GetOrIssue(http);
        var name = string.IsNullOrWhiteSpace(body.Name) ? null : body.Name;
        // The session secret proves this browser is the one the id was issued to.
        var result = await pipeline.HandleAsync(new TurnRequest(Door.Web, learner, learner, body.Text ?? "", name, action, IdentityVerified: true), cancellationToken);
        return Results.Json(result with { Cards = ReplyCards.For(result) }, WebChatJson.Options);
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail, statusCode: status);
}
