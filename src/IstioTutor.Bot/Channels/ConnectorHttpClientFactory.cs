namespace IstioTutor.Bot.Channels;

/// <summary>
/// Gives Bot Framework's connector (replies, token requests) the named client whose timeout is
/// <c>Bot:ReplyTimeoutSeconds</c>, so a stalled serviceUrl cannot hold a turn's request open for minutes.
/// Bot Framework asks for the unnamed client; every name maps to this one.
/// </summary>
internal sealed class ConnectorHttpClientFactory(IHttpClientFactory inner) : IHttpClientFactory
{
    public const string ClientName = "bot-connector";

    public HttpClient CreateClient(string name) => inner.CreateClient(ClientName);
}
