using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IstioTutor.Mesh.Validation.GatewayApi;

/// <summary>
/// The OpenAPI and CEL checks of a CRD schema, worded as kube-apiserver words them (kube-openapi validate,
/// apiextensions CEL): "Required value", "Unsupported value", "in body should match", "Too many", and a
/// failed x-kubernetes-validations rule as <c>Invalid value: "object": MESSAGE</c>.
/// </summary>
internal static class Schema
{
    public const string DnsSubdomain = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public const string Hostname = @"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public const string Group = @"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public const string Kind = "^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$";
    public const string Namespace = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    public const string HeaderName = "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$";
    public const string Duration = "^([0-9]{1,5}(h|m|s|ms)){1,4}$";
    public const string GatewayController = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$";

    /// <summary>A required property: reported on the property's own path, as the schema's "required" list does.</summary>
    public static bool Required(Field parent, string name)
    {
        if (parent.Node is JsonObject o && o[name] is not null)
        {
            return true;
        }

        parent[name].Error("Required value");
        return false;
    }

    /// <summary>A string with the schema's length bounds and pattern; null when absent or not a string.</summary>
    public static string? String(Field field, int minLength = 0, int maxLength = int.MaxValue, string? pattern = null)
    {
        var text = field.String();
        if (text is null)
        {
            return null;
        }

        if (text.Length < minLength)
        {
            field.Error($"Invalid value: \"{text}\": {field.Path} in body should be at least {minLength} chars long");
            return null;
        }

        if (text.Length > maxLength)
        {
            field.Error($"Too long: may not be more than {maxLength} bytes");
            return null;
        }

        if (pattern is not null && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            field.Error($"Invalid value: \"{text}\": {field.Path} in body should match '{pattern}'");
            return null;
        }

        return text;
    }

    public static long? Integer(Field field, long minimum, long maximum)
    {
        var value = field.Integer();
        if (value < minimum)
        {
            field.Error($"Invalid value: {value}: {field.Path} in body should be greater than or equal to {minimum}");
            return null;
        }

        if (value > maximum)
        {
            field.Error($"Invalid value: {value}: {field.Path} in body should be less than or equal to {maximum}");
            return null;
        }

        return value;
    }

    /// <summary>The items of an array with maxItems (and minItems); too many or too few is reported and no item is checked.</summary>
    public static IReadOnlyList<Field> Items(Field field, int maxItems, int minItems = 0)
    {
        if (field.Node is null)
        {
            return [];
        }

        var items = field.Items().ToList();
        if (field.Node is not JsonArray array)
        {
            return [];
        }

        if (array.Count > maxItems)
        {
            field.Error($"Too many: {array.Count}: must have at most {maxItems} items");
            return [];
        }

        if (array.Count < minItems)
        {
            field.Error($"Invalid value: {array.Count}: {field.Path} in body should have at least {minItems} items");
            return [];
        }

        return items.Where(i => i.CheckObject()).ToList();
    }

    /// <summary>A failed x-kubernetes-validations rule on an object.</summary>
    public static void Rule(Field field, bool holds, string message)
    {
        if (!holds)
        {
            field.Error($"Invalid value: \"{(field.Node is JsonArray ? "array" : "object")}\": {message}");
        }
    }

    public static bool Has(Field field, string name) => field.Node is JsonObject o && o[name] is not null;

    public static string? Str(Field field, string name) => field.Node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
