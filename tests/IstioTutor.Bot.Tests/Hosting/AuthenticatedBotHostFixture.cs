namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>The same host with a Bot Framework app id and password configured, so /api/messages requires a token.</summary>
public sealed class AuthenticatedBotHostFixture : BotHostFixture
{
    public const string AppId = "7d3c1b52-0f4e-4b8a-9a57-3e2f6c1d8b90";

    /// <summary>A made-up secret for this test host only; the tests check it never reaches a log line.</summary>
    public const string AppPassword = "Qx8~pL2vN7.secret-never-logged-4Rt";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = AppPassword,
    };
}
