using System.Text.Json;
using System.Text.Json.Serialization;

namespace IstioTutor.Bot.WebChat;

/// <summary>The JSON shape of /api/chat: camelCase, enums as lower-case words ("beginner"), as `ask --json` prints.</summary>
internal static class WebChatJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
