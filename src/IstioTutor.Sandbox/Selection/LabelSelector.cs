using System.Text.Json.Nodes;

namespace IstioTutor.Sandbox.Selection;

/// <summary>
/// A parsed Kubernetes label selector: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>, <c>k</c> (exists) and <c>!k</c> (does not exist), joined by commas.
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; throws <see cref="FormatException"/> saying which part is wrong.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var result = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            result.Add(ParseRequirement(part.Trim()));
        }

        return new LabelSelector(result);
    }

    public bool Matches(JsonObject? labels)
    {
        foreach (var r in _requirements)
        {
            var has = labels is not null && labels.TryGetPropertyValue(r.Key, out var node) && node is not null;
            var value = has ? (string?)labels![r.Key] : null;
            var ok = r.Operator switch
            {
                SelectorOperator.Exists => has,
                SelectorOperator.DoesNotExist => !has,
                SelectorOperator.In => has && r.Values.Contains(value!),
                SelectorOperator.NotIn => !has || !r.Values.Contains(value!),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    private static Requirement ParseRequirement(string part)
    {
        if (part.Length == 0)
        {
            throw new FormatException("unable to parse requirement: empty requirement (two commas in a row?)");
        }

        if (part.StartsWith('!'))
        {
            return new Requirement(Key(part[1..].Trim(), part), SelectorOperator.DoesNotExist, []);
        }

        foreach (var (token, op) in new[] { ("!=", SelectorOperator.NotIn), ("==", SelectorOperator.In), ("=", SelectorOperator.In) })
        {
            var at = part.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Requirement(Key(part[..at].Trim(), part), op, [part[(at + token.Length)..].Trim()]);
            }
        }

        var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1)
        {
            return new Requirement(Key(words[0], part), SelectorOperator.Exists, []);
        }

        var rest = words[1];
        var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? SelectorOperator.NotIn
            : rest.StartsWith("in", StringComparison.Ordinal) ? SelectorOperator.In
            : throw new FormatException($"unable to parse requirement \"{part}\": expected =, ==, !=, in or notin");
        var set = rest[(setOp == SelectorOperator.NotIn ? 5 : 2)..].Trim();
        if (!set.StartsWith('(') || !set.EndsWith(')'))
        {
            throw new FormatException($"unable to parse requirement \"{part}\": the values of in/notin go in parentheses, e.g. version in (v1,v2)");
        }

        var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new Requirement(Key(words[0], part), setOp, values);
    }

    private static string Key(string key, string part) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? key
            : throw new FormatException($"unable to parse requirement \"{part}\": \"{key}\" is not a valid label key");

    private sealed record Requirement(string Key, SelectorOperator Operator, IReadOnlyCollection<string> Values);

    private enum SelectorOperator
    {
        Exists,
        DoesNotExist,
        In,
        NotIn,
    }
}
