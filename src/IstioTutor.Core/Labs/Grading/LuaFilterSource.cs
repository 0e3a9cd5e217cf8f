using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Labs.Grading;

/// <summary>
/// The Lua code of an EnvoyFilter patch value that inserts the Lua HTTP filter, whichever valid way it was
/// written: <c>typed_config</c> or <c>typedConfig</c>, the Lua message itself or wrapped in a TypedStruct,
/// and the code as <c>inline_code</c>, <c>default_source_code.inline_string</c> or base64
/// <c>default_source_code.inline_bytes</c> (protobuf JSON accepts snake_case and camelCase for each).
/// </summary>
public static class LuaFilterSource
{
    /// <summary>The code, or null when the value holds no inline Lua source (a file name cannot be read here).</summary>
    public static string? Code(JsonNode? patchValue)
    {
        var config = Field(patchValue, "typed_config", "typedConfig");
        if (JsonFields.Str(config?["@type"]) is { } type && type.EndsWith(".TypedStruct", StringComparison.Ordinal))
        {
            config = Field(config, "value", "value");
        }

        if (config is null)
        {
            return null;
        }

        if (JsonFields.Str(Field(config, "inline_code", "inlineCode")) is { } inline)
        {
            return inline;
        }

        var source = Field(config, "default_source_code", "defaultSourceCode");
        if (JsonFields.Str(Field(source, "inline_string", "inlineString")) is { } text)
        {
            return text;
        }

        return JsonFields.Str(Field(source, "inline_bytes", "inlineBytes")) is { } bytes ? Decode(bytes) : null;
    }

    private static JsonNode? Field(JsonNode? node, string snake, string camel) =>
        node is JsonObject o ? o[snake] ?? o[camel] : null;

    private static string? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
