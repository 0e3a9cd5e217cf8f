using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Channels;

/// <summary>Which door a Bot Framework channel id stands for.</summary>
internal static class ChannelDoors
{
    public static Door FromChannelId(string? channelId) => channelId?.ToLowerInvariant() switch
    {
        "msteams" => Door.Teams,
        "slack" => Door.Slack,
        // Emulator, Azure's "Test in Web Chat" (webchat/directline) and any other channel: the web page
        // door is reserved for /api/chat, whose identities the host issues itself.
        _ => Door.Emulator,
    };
}
