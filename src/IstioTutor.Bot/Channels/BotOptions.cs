namespace IstioTutor.Bot.Channels;

/// <summary>
/// The <c>Bot</c> section: the Azure Bot registration the host authenticates as. Leave
/// <see cref="MicrosoftAppId"/> empty to run without authentication (Bot Framework Emulator, local use).
/// Secrets come from the environment (<c>ISTIOTUTOR_Bot__MicrosoftAppPassword</c>) or user secrets, never
/// from a committed appsettings.json. Bot Framework reads these keys by these names from the section.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI (managed identity), as in the Azure Bot resource.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>A PFX file to authenticate with a certificate instead of a password.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>How long one reply to a channel's serviceUrl may take before the turn gives up on it.</summary>
    public int ReplyTimeoutSeconds { get; set; } = 15;

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
