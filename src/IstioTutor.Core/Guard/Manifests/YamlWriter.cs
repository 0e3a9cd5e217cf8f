using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IstioTutor.Core.Guard.Manifests;

/// <summary>
/// Prints JSON as block-style YAML through YamlDotNet's emitter, the way kubectl shows objects, so previews
/// and diffs read like the manifests learners write: apiVersion, kind, metadata, spec, status first, other
/// keys in their order; a string YAML would read as something else (true, 80, null, "- x") double-quoted.
/// </summary>
public static class YamlWriter
{
    private static readonly string[] KubectlOrder = ["apiVersion", "kind", "metadata", "spec", "status"];

    /// <summary>No line folding: a long value stays on its line, as kubectl prints it.</summary>
    private static readonly EmitterSettings Settings = new EmitterSettings().WithBestWidth(int.MaxValue);

    public static string Write(JsonNode? node)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        if (node is JsonObject top)
        {
            EmitMapping(emitter, top.OrderBy(p => Rank(p.Key)));
        }
        else
        {
            Emit(emitter, node);
        }

        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>OrderBy is stable: keys outside the kubectl five keep the order they came in.</summary>
    private static int Rank(string key)
    {
        var at = Array.IndexOf(KubectlOrder, key);
        return at < 0 ? KubectlOrder.Length : at;
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                EmitMapping(emitter, obj);
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, v.GetValue<string>());
                break;
            case null:
                EmitPlain(emitter, "null");
                break;
            default:
                EmitPlain(emitter, node.ToJsonString());
                break;
        }
    }

    private static void EmitMapping(IEmitter emitter, IEnumerable<KeyValuePair<string, JsonNode?>> pairs)
    {
        var list = pairs.ToList();
        emitter.Emit(new MappingStart(null, null, isImplicit: true, list.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var (key, value) in list)
        {
            EmitString(emitter, key);
            Emit(emitter, value);
        }

        emitter.Emit(new MappingEnd());
    }

    private static void EmitPlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void EmitString(IEmitter emitter, string s) =>
        emitter.Emit(new Scalar(null, null, s, NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: true));

    /// <summary>
    /// The emitter quotes what YAML's syntax forbids unquoted; these are the strings it would print plain
    /// that a reader (YAML 1.1 like kubectl's, or 1.2) would take for a boolean, null or number, and the
    /// ones kubectl quotes for readability.
    /// </summary>
    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || s is "null" or "Null" or "NULL" or "~" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "yes" or "no" or "on" or "off")
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
