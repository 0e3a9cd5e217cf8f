using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IstioTutor.Sandbox.Printing;

/// <summary>
/// The JSONPath subset CRD printer columns use: <c>.a.b</c>, <c>.a[*].b</c>, <c>.a[0]</c> and
/// <c>.a[?(@.type=="Ready")].status</c>. Yields every match in document order.
/// </summary>
internal static partial class SimpleJsonPath
{
    public static IEnumerable<JsonNode?> Select(JsonNode? root, string path)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (Match step in Step().Matches(path))
        {
            var name = step.Groups["name"].Value;
            var index = step.Groups["index"];
            var filterKey = step.Groups["key"];
            var filterValue = step.Groups["value"].Value;
            current = current.SelectMany(node =>
            {
                var next = name.Length == 0 ? node : (node as JsonObject)?[name];
                if (index.Success)
                {
                    var array = next as JsonArray;
                    return index.Value == "*" ? array?.AsEnumerable() ?? []
                        : int.TryParse(index.Value, out var i) && array is not null && i < array.Count ? [array[i]] : [];
                }

                if (filterKey.Success)
                {
                    return (next as JsonArray)?.Where(e => e is JsonObject o && o[filterKey.Value] is JsonValue v && v.ToString() == filterValue) ?? [];
                }

                return next is null ? [] : [next];
            }).ToList();
        }

        return current.Where(n => n is not null);
    }

    [GeneratedRegex("""\.?(?<name>[A-Za-z0-9_\-]*)(?:\[(?:(?<index>\*|\d+)|\?\(@\.(?<key>[A-Za-z0-9_\-]+)==["'](?<value>[^"']*)["']\))\])?""")]
    private static partial Regex Step();
}
