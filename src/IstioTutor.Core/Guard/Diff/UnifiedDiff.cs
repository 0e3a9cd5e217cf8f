using System.Text;

namespace IstioTutor.Core.Guard.Diff;

/// <summary>
/// A unified diff (<c>diff -u</c> shape: ---/+++ headers, @@ hunks with 3 lines of context) of two texts,
/// from a longest-common-subsequence table; manifests are small, so the quadratic table is cheap.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Compute(string before, string after, string beforeLabel, string afterLabel)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var edits = Edits(a, b);
        if (edits.All(e => e.Op == ' '))
        {
            return "";
        }

        var sb = new StringBuilder();
        sb.Append("--- ").Append(beforeLabel).Append('\n');
        sb.Append("+++ ").Append(afterLabel).Append('\n');

        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Op == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            // Extend the hunk while changes are within 2*Context lines of each other.
            while (end < edits.Count)
            {
                if (edits[end].Op != ' ')
                {
                    end++;
                    continue;
                }

                var run = end;
                while (run < edits.Count && edits[run].Op == ' ')
                {
                    run++;
                }

                if (run < edits.Count && run - end <= 2 * Context)
                {
                    end = run;
                    continue;
                }

                end = Math.Min(edits.Count, end + Context);
                break;
            }

            var hunk = edits.GetRange(start, end - start);
            var aStart = edits[start].ALine;
            var bStart = edits[start].BLine;
            var aCount = hunk.Count(e => e.Op != '+');
            var bCount = hunk.Count(e => e.Op != '-');
            sb.Append("@@ -").Append(aCount == 0 ? aStart : aStart + 1).Append(',').Append(aCount)
              .Append(" +").Append(bCount == 0 ? bStart : bStart + 1).Append(',').Append(bCount).Append(" @@\n");
            foreach (var e in hunk)
            {
                sb.Append(e.Op).Append(e.Text).Append('\n');
            }

            i = end;
        }

        return sb.ToString();
    }

    private static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private readonly record struct Edit(char Op, string Text, int ALine, int BLine);

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
            {
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var edits = new List<Edit>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                edits.Add(new Edit(' ', a[i], i, j));
                i++;
                j++;
            }
            else if (i < a.Length && (j == b.Length || lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                edits.Add(new Edit('-', a[i], i, j));
                i++;
            }
            else
            {
                edits.Add(new Edit('+', b[j], i, j));
                j++;
            }
        }

        return edits;
    }
}
