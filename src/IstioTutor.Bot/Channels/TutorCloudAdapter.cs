using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace IstioTutor.Bot.Channels;

/// <summary>
/// The Bot Framework adapter with one constructor (CloudAdapter's two confuse DI) and an error handler
/// that tells the learner something failed without leaking the exception to the channel.
/// </summary>
internal sealed class TutorCloudAdapter : CloudAdapter
{
    public TutorCloudAdapter(BotFrameworkAuthentication authentication, ILogger<TutorCloudAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed on channel {Channel} for activity {ActivityId}", turnContext.Activity.ChannelId, turnContext.Activity.Id);
            var korean = Core.Turns.LanguageDetector.Detect(turnContext.Activity.Text ?? "") == "ko";
            var help = ChannelDoors.FromChannelId(turnContext.Activity.ChannelId) == Core.Turns.Door.Slack ? "!help" : "/help";
            await turnContext.SendActivityAsync(
                korean
                    ? $"처리 중에 서버 쪽 오류가 났습니다. 아무것도 바뀌지 않았습니다. 다시 시도하거나 {help} 를 입력하세요."
                    : $"Something went wrong on our side while handling that; nothing was changed. Try again, or type {help}.");
        };
    }
}
