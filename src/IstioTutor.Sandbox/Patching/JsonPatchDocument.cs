using System.Globalization;
using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers.</summary>
internal static class JsonPatchDocument
{
    /// <summary>Applies the operations in order; a failing one throws <see cref="JsonPatchException"/> naming it.</summary>
    public static JsonNode Apply(JsonNode target, JsonNode patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new JsonPatchException("a JSON patch must be an array of operations");
        }

        var document = target.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation || operation["op"] is not JsonValue opValue || opValue.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                throw new JsonPatchException($"operation {i} has no \"op\"");
            }

            var op = opValue.GetValue<string>();
            var path = Pointer(operation, "path", i);
            switch (op)
            {
                case "add":
                    document = Add(document, path, Value(operation, i), i);
                    break;
                case "remove":
                    Remove(document, path, i);
                    break;
                case "replace":
                    Remove(document, path, i);
                    document = Add(document, path, Value(operation, i), i);
                    break;
                case "move":
                {
                    var from = Pointer(operation, "from", i);
                    var value = Resolve(document, from, i)?.DeepClone();
                    Remove(document, from, i);
                    document = Add(document, path, value, i);
                    break;
                }

                case "copy":
                    document = Add(document, path, Resolve(document, Pointer(operation, "from", i), i)?.DeepClone(), i);
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(document, path, i), operation["value"]))
                    {
                        throw new JsonPatchException($"operation {i} (test) failed: the value at {path} is not the expected one");
                    }

                    break;
                default:
                    throw new JsonPatchException($"operation {i} has unknown op \"{op}\"");
            }
        }

        return document;
    }

    private static string Pointer(JsonObject operation, string member, int index) =>
        operation[member] is JsonValue v && v.TryGetValue<string>(out var s) && (s.Length == 0 || s[0] == '/')
            ? s
            : throw new JsonPatchException($"operation {index} needs \"{member}\" as a JSON pointer such as \"/spec/hosts/0\"");

    private static JsonNode? Value(JsonObject operation, int index) =>
        operation.ContainsKey("value") ? operation["value"]?.DeepClone() : throw new JsonPatchException($"operation {index} needs \"value\"");

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();

    private static JsonNode? Resolve(JsonNode document, string pointer, int index)
    {
        JsonNode? node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => throw new JsonPatchException($"operation {index}: path {pointer} does not exist"),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value, int index)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            return value ?? throw new JsonPatchException($"operation {index}: the document cannot be replaced by null");
        }

        var parent = Resolve(document, ParentPointer(tokens), index);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new JsonPatchException($"operation {index}: cannot add at {pointer}");
        }

        return document;
    }

    private static void Remove(JsonNode document, string pointer, int index)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw new JsonPatchException($"operation {index}: the whole document cannot be removed");
        }

        var parent = Resolve(document, ParentPointer(tokens), index);
        var last = tokens[^1];
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => RemoveAt(a, i),
            _ => false,
        };
        if (!removed)
        {
            throw new JsonPatchException($"operation {index}: path {pointer} does not exist");
        }
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private static string ParentPointer(string[] tokens) =>
        tokens.Length == 1 ? "" : "/" + string.Join('/', tokens[..^1].Select(Escape));

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
