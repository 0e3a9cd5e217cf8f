using System.Text.RegularExpressions;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// How the lessons write Istio's identifiers ("EnvoyFilter", "outlierDetection"), by their lower-case form.
/// Learners type them lower-case ("envoyfilter 업그레이드"), and a lower-case word has no case change for
/// <see cref="IdentifierParts"/> to split at: it would match only the whole identifier, never the words the
/// lessons' prose and the ask classifier know it by. Restoring the lessons' spelling first gives both forms
/// the same tokens.
/// </summary>
internal sealed partial class IdentifierCase
{
    // Shorter words restored to a camel form would mostly be everyday words ("mtls" aside, nothing is lost).
    private const int MinLength = 5;

    private readonly Dictionary<string, string> _byLower;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private IdentifierCase(Dictionary<string, string> byLower)
    {
        _byLower = byLower;
        _lookup = _byLower.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lessons' spellings, one per identifier.</summary>
    public IEnumerable<string> Spellings => _byLower.Values;

    /// <summary>Every camel-case word of <paramref name="texts"/>, each by its most frequent spelling.</summary>
    public static IdentifierCase From(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match m in CamelWord().Matches(text))
            {
                counts[m.Value] = counts.GetValueOrDefault(m.Value) + 1;
            }
        }

        var byLower = counts
            .Where(kv => kv.Key.Length >= MinLength)
            .GroupBy(kv => kv.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
        return new IdentifierCase(byLower);
    }

    /// <summary>The lessons' spelling of an all-lower-case <paramref name="word"/>, or null when they write it no other way.</summary>
    public string? Restore(ReadOnlySpan<char> word) =>
        word.Length >= MinLength && _lookup.TryGetValue(word, out var spelled) ? spelled : null;

    // A lower-case letter followed by an upper-case one inside a word: "EnvoyFilter", "perTryTimeout", "http1MaxPendingRequests".
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*\b")]
    private static partial Regex CamelWord();
}
