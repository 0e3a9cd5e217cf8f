using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Routing;

/// <summary>
/// One string comparison of a route match (a URI, method, authority, header or query value). Written
/// once for every route kind: VirtualService's <c>StringMatch</c> reads into it, and a Gateway API
/// HTTPRoute's path and header matches map onto the same three kinds.
/// </summary>
public sealed record StringMatch(StringMatchKind Kind, string Value)
{
    /// <summary>Regexes run under this limit; a pattern that exceeds it does not match.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public static StringMatch Any { get; } = new(StringMatchKind.Any, "");

    /// <summary>
    /// A VirtualService <c>StringMatch</c> object (<c>{"exact": ...}</c>, <c>{"prefix": ...}</c> or
    /// <c>{"regex": ...}</c>); null when the node is not an object (the field was not given).
    /// </summary>
    public static StringMatch? FromJson(JsonNode? node)
    {
        if (node is not JsonObject match)
        {
            return null;
        }

        return JsonFields.Str(match["exact"]) is { } exact ? new(StringMatchKind.Exact, exact)
            : JsonFields.Str(match["prefix"]) is { } prefix ? new(StringMatchKind.Prefix, prefix)
            : JsonFields.Str(match["regex"]) is { } regex ? new(StringMatchKind.Regex, regex)
            : Any;
    }

    /// <summary>
    /// Whether <paramref name="value"/> matches. Regexes match the whole value, as Envoy's RE2 does; a
    /// pattern .NET cannot compile, or one that runs past <see cref="RegexTimeout"/>, matches nothing.
    /// </summary>
    public bool Matches(string value, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        switch (Kind)
        {
            case StringMatchKind.Exact:
                return string.Equals(Value, value, comparison);
            case StringMatchKind.Prefix:
                return value.StartsWith(Value, comparison);
            case StringMatchKind.PathPrefix:
                return Value == "/" || (value.StartsWith(Value, comparison) && (value.Length == Value.Length || value[Value.Length] == '/'));
            case StringMatchKind.Regex:
                try
                {
                    return Regex.IsMatch(value, $"^(?:{Value})$", ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None, RegexTimeout);
                }
                catch (ArgumentException)
                {
                    return false;
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }

            default:
                return true;
        }
    }
}
