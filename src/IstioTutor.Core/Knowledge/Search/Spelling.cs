namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// Typo tolerance for words a vocabulary lacks: "virtualservce", "retires", "isito". Only Latin words of
/// five letters or more are corrected — shorter ones have too many neighbours to guess from — and a word
/// is replaced only by one within one edit (two from nine letters on), a swap of neighbours counting as one.
/// </summary>
public static class Spelling
{
    private const int MinLength = 5;

    /// <summary>Edits <paramref name="word"/> may be from a correction.</summary>
    public static int AllowedEdits(string word) => word.Length >= 9 ? 2 : 1;

    /// <summary>True when the word is worth correcting at all (Latin letters, long enough).</summary>
    public static bool Correctable(string word) => word.Length >= MinLength && word.All(c => c is >= 'a' and <= 'z');

    /// <summary>
    /// The closest word of <paramref name="candidates"/> within the allowed edits, the more frequent one
    /// (by <paramref name="weight"/>) on a tie; null when none is close enough.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> candidates, Func<string, int>? weight = null)
    {
        if (!Correctable(word))
        {
            return null;
        }

        var max = AllowedEdits(word);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestWeight = -1;
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - word.Length) > max || c.Length < MinLength - 1)
            {
                continue;
            }

            var d = Distance(word, c, max);
            if (d > max || d > bestDistance)
            {
                continue;
            }

            var w = weight?.Invoke(c) ?? 0;
            if (d < bestDistance || w > bestWeight || (w == bestWeight && string.CompareOrdinal(c, best) < 0))
            {
                (best, bestDistance, bestWeight) = (c, d, w);
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance, given up (returning max + 1) once it must exceed <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, previous2[j - 2] + 1);
                }

                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
