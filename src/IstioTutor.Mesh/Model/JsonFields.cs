using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Model;

/// <summary>
/// Reads typed fields from Kubernetes/Istio JSON, however the node was made (parsed from the wire, built
/// from a YAML manifest, or written in code). Anything of another type reads as absent, never throws.
/// </summary>
public static class JsonFields
{
    /// <summary>A string value, or null for anything else (numbers are not converted).</summary>
    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>An integer stored as a JSON number or as a numeric string; null otherwise.</summary>
    public static int? Int(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i
        : node is JsonValue s && s.GetValueKind() == JsonValueKind.String && int.TryParse(s.GetValue<string>(), out var p) ? p
        : null;

    /// <summary>
    /// An integer however it was stored: the manifest parser's long, the server's JSON element, or a
    /// string. Looser than <see cref="Int"/>, for readers of learner-written manifests.
    /// </summary>
    public static int? AnyInt(JsonNode? node) =>
        node is JsonValue && int.TryParse(node.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>The strings of a JSON array (other items skipped); empty when the node is not an array.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(Str).OfType<string>();

    /// <summary>A string-to-string map such as labels or a selector; non-string values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> Labels(JsonNode? node) =>
        node is JsonObject o ? o.Where(p => Str(p.Value) is not null).ToDictionary(p => p.Key, p => Str(p.Value)!, StringComparer.Ordinal) : new Dictionary<string, string>();

    /// <summary>metadata.name, or null.</summary>
    public static string? Name(JsonNode? o) => Str(o?["metadata"]?["name"]);

    /// <summary>metadata.namespace, or null.</summary>
    public static string? Namespace(JsonNode? o) => Str(o?["metadata"]?["namespace"]);
}
