using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>Header changes a route makes: set (replace), add (append) and remove, as VirtualService <c>headers</c> and HTTPRoute header modifiers express them.</summary>
public sealed record HeaderEdits(
    IReadOnlyList<KeyValuePair<string, string>> Set,
    IReadOnlyList<KeyValuePair<string, string>> Add,
    IReadOnlyList<string> Remove)
{
    public static HeaderEdits None { get; } = new([], [], []);

    public bool IsEmpty => Set.Count == 0 && Add.Count == 0 && Remove.Count == 0;

    /// <summary>Reads a VirtualService <c>headers.request</c>/<c>headers.response</c> object (set/add maps, remove list).</summary>
    public static HeaderEdits FromVirtualService(JsonNode? node) => node is not JsonObject o ? None : new(
        Pairs(o["set"]),
        Pairs(o["add"]),
        JsonFields.Strings(o["remove"]).ToList());

    /// <summary>Reads a Gateway API header modifier (<c>set</c>/<c>add</c> lists of name/value, <c>remove</c> names).</summary>
    public static HeaderEdits FromGatewayApi(JsonNode? node) => node is not JsonObject o ? None : new(
        NameValues(o["set"]),
        NameValues(o["add"]),
        JsonFields.Strings(o["remove"]).ToList());

    /// <summary>Applies the edits to a header list (names compared case-insensitively, kept lower-case).</summary>
    public Dictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> headers)
    {
        var result = new Dictionary<string, string>(headers.Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), h.Value)), StringComparer.Ordinal);
        foreach (var name in Remove)
        {
            result.Remove(name.ToLowerInvariant());
        }

        foreach (var (name, value) in Set)
        {
            result[name.ToLowerInvariant()] = value;
        }

        foreach (var (name, value) in Add)
        {
            var key = name.ToLowerInvariant();
            result[key] = result.TryGetValue(key, out var existing) ? $"{existing},{value}" : value;
        }

        return result;
    }

    private static List<KeyValuePair<string, string>> NameValues(JsonNode? node) =>
        (node as JsonArray ?? []).OfType<JsonObject>().Where(h => JsonFields.Str(h["name"]) is not null)
            .Select(h => KeyValuePair.Create(JsonFields.Str(h["name"])!, JsonFields.Str(h["value"]) ?? "")).ToList();

    private static List<KeyValuePair<string, string>> Pairs(JsonNode? node) =>
        node is JsonObject map ? map.Select(kv => KeyValuePair.Create(kv.Key, JsonFields.Str(kv.Value) ?? "")).ToList() : [];
}
