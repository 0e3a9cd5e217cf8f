using System.Net;
using IstioTutor.Bot.Channels;

namespace IstioTutor.Bot.Hosting;

/// <summary>
/// Who can reach the host and whether Bot Framework requests are authenticated: the one rule behind the
/// start-up refusal, the start-up warning and the /readyz entry.
/// </summary>
public sealed record NetworkExposure(string Address, bool Loopback, bool Authenticated, bool AllowedByDevelopmentSwitch)
{
    public static NetworkExposure Of(ServeOptions serve, BotOptions bot) =>
        new(serve.Address, IsLoopback(serve.Address), bot.AuthenticationEnabled, serve.AllowUnauthenticatedNetwork);

    /// <summary>An unauthenticated /api/messages reachable from other machines: refused unless the development switch is on.</summary>
    public bool UnauthenticatedBeyondLoopback => !Loopback && !Authenticated;

    public string Warning =>
        $"Serve:Address is {Address}, beyond loopback, and Bot:MicrosoftAppId is empty: anyone who reaches this port can post to " +
        "/api/messages as any Teams or Slack user. Serve:AllowUnauthenticatedNetwork=true allows it for development only; set the Bot " +
        "Framework credentials before anyone else can reach the host.";

    /// <summary>127.0.0.0/8, ::1 and "localhost" are loopback; 0.0.0.0, ::, *, + and host names are not.</summary>
    public static bool IsLoopback(string address)
    {
        var a = address.Trim().Trim('[', ']');
        return string.Equals(a, "localhost", StringComparison.OrdinalIgnoreCase) ||
               (IPAddress.TryParse(a, out var ip) && IPAddress.IsLoopback(ip));
    }
}
