using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Validation;

/// <summary>
/// A cursor on one field of the object being validated: its Kubernetes-style path
/// ("spec.http[0].route[1].weight") and its JSON value. Type errors are reported the way the API
/// server's OpenAPI check words them, so rules only deal with well-typed values.
/// </summary>
internal readonly struct Field
{
    public Field(string path, JsonNode? node, ValidationSink sink)
    {
        Path = path;
        Node = node;
        Sink = sink;
    }

    public string Path { get; }

    public JsonNode? Node { get; }

    public ValidationSink Sink { get; }

    public bool Exists => Node is not null;

    public bool IsObject => Node is JsonObject;

    public Field this[string name] => new($"{Path}.{name}", (Node as JsonObject)?[name], Sink);

    public bool Has(string name) => Node is JsonObject o && o.ContainsKey(name) && o[name] is not null;

    public void Error(string message) => Sink.Error(Path, message);

    public void Warn(string message) => Sink.Warn(Path, message);

    /// <summary>The items of an array field, each with its index in the path; reports a non-array value.</summary>
    public IEnumerable<Field> Items()
    {
        if (Node is null)
        {
            yield break;
        }

        if (Node is not JsonArray array)
        {
            TypeError("array");
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return new Field($"{Path}[{i}]", array[i], Sink);
        }
    }

    public int Count => Node is JsonArray a ? a.Count : Node is JsonObject o ? o.Count : 0;

    /// <summary>The entries of a map field ("labels", "headers"), each with its key in the path.</summary>
    public IEnumerable<(string Key, Field Value)> Entries()
    {
        if (Node is null)
        {
            yield break;
        }

        if (Node is not JsonObject obj)
        {
            TypeError("object");
            yield break;
        }

        foreach (var (key, value) in obj.ToList())
        {
            yield return (key, new Field($"{Path}[{key}]", value, Sink));
        }
    }

    public bool CheckObject()
    {
        if (Node is null or JsonObject)
        {
            return true;
        }

        TypeError("object");
        return false;
    }

    public string? String()
    {
        if (Node is null)
        {
            return null;
        }

        if (Node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        TypeError("string");
        return null;
    }

    public long? Integer()
    {
        if (Node is null)
        {
            return null;
        }

        if (Node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
        {
            return (long)d;
        }

        TypeError("integer");
        return null;
    }

    public double? Number()
    {
        if (Node is null)
        {
            return null;
        }

        if (Node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
        }

        TypeError("number");
        return null;
    }

    public bool? Bool()
    {
        if (Node is null)
        {
            return null;
        }

        if (Node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        TypeError("boolean");
        return null;
    }

    /// <summary>An unsigned 32-bit field (proto uint32: ports, counts): the CRD's minimum/maximum.</summary>
    public long? UInt32()
    {
        var value = Integer();
        if (value is < 0)
        {
            Error($"Invalid value: {value}: {Path} in body should be greater than or equal to 0");
            return null;
        }

        if (value > uint.MaxValue)
        {
            Error($"Invalid value: {value}: {Path} in body should be less than or equal to 4294967295");
            return null;
        }

        return value;
    }

    /// <summary>A duration string, checked like the CRD's CEL rule and Istio's ValidateDuration.</summary>
    public TimeSpan? Duration()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }

        if (!GoDuration.TryParse(text, out var duration) || duration < TimeSpan.FromMilliseconds(1))
        {
            Error($"Invalid value: \"{text}\": must be a valid duration greater than 1ms");
            return null;
        }

        if (duration.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            Error("only durations to ms precision are supported");
            return null;
        }

        return duration;
    }

    /// <summary>An enum string; the message is the API server's for an unsupported value.</summary>
    public string? Enum(params string[] allowed)
    {
        var text = String();
        if (text is null)
        {
            return null;
        }

        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Error($"Unsupported value: \"{text}\": supported values: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");
            return null;
        }

        return text;
    }

    public void Required(string what)
    {
        if (Node is null)
        {
            Error($"Required value: {what}");
        }
    }

    public IEnumerable<string> Strings() => Items().Select(i => i.String()).OfType<string>();

    private void TypeError(string type) =>
        Error($"Invalid value: \"{Describe(Node)}\": {Path} in body must be of type {type}: \"{Describe(Node)}\"");

    private static string Describe(JsonNode? node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "null",
    };
}
