using IstioTutor.Bot.Channels;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Hosting;

/// <summary>Refuses to start an unauthenticated Bot Framework door on an address other machines can reach.</summary>
internal sealed class ServeOptionsValidator(IOptions<BotOptions> bot) : IValidateOptions<ServeOptions>
{
    public ValidateOptionsResult Validate(string? name, ServeOptions options)
    {
        var exposure = NetworkExposure.Of(options, bot.Value);
        if (!exposure.UnauthenticatedBeyondLoopback || options.AllowUnauthenticatedNetwork)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"Serve:Address is {options.Address}, beyond loopback, but Bot:MicrosoftAppId is empty, so /api/messages would trust " +
            "whatever from.id a caller sends. Set Bot:MicrosoftAppId with Bot:MicrosoftAppPassword (or Bot:CertificatePath, or " +
            "Bot:MicrosoftAppType=UserAssignedMSI), or listen on 127.0.0.1; on a development machine only, " +
            "Serve:AllowUnauthenticatedNetwork=true allows it.");
    }
}
