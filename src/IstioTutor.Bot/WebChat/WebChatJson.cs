using System.Text.Encodings.Web;
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
        // Korean text stays readable in the body; it is served as application/json, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
