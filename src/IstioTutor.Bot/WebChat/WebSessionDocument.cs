namespace IstioTutor.Bot.WebChat;

/// <summary>
/// LiteDB shape of one web chat session. <see cref="Id"/> is the SHA-256 of the cookie's secret, so the
/// database file alone does not hand out sessions; <see cref="ChannelUserId"/> is the web door's user id
/// (<c>web-…</c>), which mentors may see and which grants nothing by itself.
/// </summary>
internal sealed class WebSessionDocument
{
    public const string Collection = "web_sessions";

    public string Id { get; set; } = "";
    public string ChannelUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
