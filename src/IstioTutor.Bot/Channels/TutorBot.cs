using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// The Bot Framework door: maps each message activity to a turn, runs the one pipeline, and sends the
/// result back rendered for the channel. It holds no tutoring logic.
/// </summary>
internal sealed class TutorBot(TutorPipeline pipeline, SlackCommands slackCommands, IOptions<BotOptions> options, ILogger<TutorBot> logger) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var request = ActivityTurnMapper.Map(turnContext.Activity, options.Value.AuthenticationEnabled, out var error);
        if (request is null)
        {
            logger.LogWarning("Refused activity {ActivityId} from channel {Channel}: {Reason}", turnContext.Activity.Id, turnContext.Activity.ChannelId, error);
            var korean = LanguageDetector.Detect(turnContext.Activity.Text ?? "") == "ko";
            var help = ChannelDoors.FromChannelId(turnContext.Activity.ChannelId) == Door.Slack ? "!help" : "/help";
            await turnContext.SendActivityAsync(
                korean
                    ? $"요청을 처리할 수 없습니다: {error}. 아무것도 실행하지 않았습니다. 명령을 직접 입력해 보세요({help})."
                    : $"That could not be handled: {error}. Nothing was done; type the command instead (see {help}).",
                cancellationToken: cancellationToken);
            return;
        }

        var result = await pipeline.HandleAsync(request, cancellationToken);
        var reply = request.Door == Door.Slack ? SlackReply.From(result, slackCommands) : TeamsReply.From(result);
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
