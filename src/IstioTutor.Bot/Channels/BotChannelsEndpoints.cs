using IstioTutor.Bot.Hosting;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace IstioTutor.Bot.Channels;

public static class BotChannelsEndpoints
{
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// POST /api/messages: the endpoint Azure Bot Service (Teams, Slack) and the Emulator call. The adapter
    /// answers 401 when authentication is configured and the request's token is missing or invalid.
    /// </summary>
    public static IEndpointRouteBuilder MapBotChannels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesPath, async (HttpContext http, IBotFrameworkHttpAdapter adapter, TutorBot bot) =>
        {
            try
            {
                await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
            }
            catch (Exception e) when (RequestBodyLimit.IsExceeded(e) && !http.Response.HasStarted)
            {
                await RequestBodyLimit.Activity.TooLarge().ExecuteAsync(http);
            }
        }).WithMetadata(RequestBodyLimit.Activity);
        return endpoints;
    }
}
