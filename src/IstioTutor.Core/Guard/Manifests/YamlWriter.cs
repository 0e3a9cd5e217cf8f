using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IstioTutor.Core.Guard.Manifests;

/// <summary>
/// Prints JSON as block-style YAML, the way kubectl shows objects, so previews and diffs read like the
/// manifests learners write. Keys keep their order; strings that YAML would read as something else are quoted.
/// </summary>
public static class YamlWriter
{
    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteNode(sb, node, 0, inSequence: false);
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, int indent, bool inSequence)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!(first && inSequence))
                    {
                        sb.Append(' ', indent);
                    }

                    first = false;
                    sb.Append(Scalar(key)).Append(':');
                    WriteChild(sb, value, indent);
                }

                break;
            case JsonArray array when array.Count > 0:
                foreach (var item in array)
                {
                    sb.Append(' ', indent).Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        if (item is JsonArray)
                        {
                            sb.Append('\n');
                            WriteNode(sb, item, indent + 2, inSequence: false);
                        }
                        else
                        {
                            WriteNode(sb, item, indent + 2, inSequence: true);
                        }
                    }
                    else
                    {
                        sb.Append(Inline(item)).Append('\n');
                    }
                }

                break;
            default:
                sb.Append(' ', indent).Append(Inline(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 }:
                sb.Append('\n');
                WriteNode(sb, value, indent + 2, inSequence: false);
                break;
            case JsonArray { Count: > 0 }:
                sb.Append('\n');
                WriteNode(sb, value, indent, inSequence: false);
                break;
            default:
                sb.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Scalar(v.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.ToJsonString(),
            _ => v.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static string Scalar(string s)
    {
        if (s.Length == 0 || NeedsQuotes(s))
        {
            return JsonSerializer.Serialize(s, SerializerOptions);
        }

        return s;
    }

    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool NeedsQuotes(string s)
    {
        if (s is "null" or "Null" or "NULL" or "~" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "yes" or "no" or "on" or "off")
        {
            return true;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || s.StartsWith("0x", StringComparison.Ordinal))
        {
            return true;
        }

        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || "-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal))
        {
            return true;
        }

        return s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':') || s.Any(char.IsControl);
    }
}
