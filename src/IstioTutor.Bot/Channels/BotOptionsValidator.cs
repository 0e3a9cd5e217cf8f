using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Channels;

/// <summary>Fails start-up with the key to fix when the bot registration settings cannot work together.</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (!AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Bot:MicrosoftAppType is '{options.MicrosoftAppType}'; use one of {string.Join(", ", AppTypes)}.");
        }

        if (options.ReplyTimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"Bot:ReplyTimeoutSeconds is {options.ReplyTimeoutSeconds}; use 1 to 120.");
        }

        if (!options.AuthenticationEnabled)
        {
            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) || !string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                failures.Add("Bot:MicrosoftAppPassword or Bot:CertificatePath is set but Bot:MicrosoftAppId is empty; set the app id of the Azure Bot registration, or remove the secret to run without authentication.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        var managedIdentity = string.Equals(options.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!managedIdentity && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) && string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            failures.Add("Bot:MicrosoftAppId is set but neither Bot:MicrosoftAppPassword nor Bot:CertificatePath is; give one (from the environment or user secrets), or set Bot:MicrosoftAppType=UserAssignedMSI for a managed identity.");
        }

        if (!string.Equals(options.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add($"Bot:MicrosoftAppTenantId is required when Bot:MicrosoftAppType is {options.MicrosoftAppType}.");
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            failures.Add($"Bot:CertificatePath '{options.CertificatePath}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
