using DiffPlex.Renderer;

namespace IstioTutor.Core.Guard.Diff;

/// <summary>
/// A unified diff (<c>diff -u</c> shape: ---/+++ headers, @@ hunks with 3 lines of context) of two texts,
/// computed and rendered by DiffPlex. Whitespace counts: in YAML an indent is meaning, not layout.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Compute(string before, string after, string beforeLabel, string afterLabel)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before == after)
        {
            return "";
        }

        // DiffPlex reads a final newline as one more, empty, line; the texts here are whole lines.
        var diff = UnidiffRenderer.GenerateUnidiff(
            before.TrimEnd('\n'), after.TrimEnd('\n'), beforeLabel, afterLabel, ignoreWhitespace: false, ignoreCase: false, contextLines: Context);
        if (diff.Length == 0)
        {
            return "";
        }

        // An empty side starts at line 0 in diff -u and git ("@@ -0,0 +1,2 @@"), which patch tools expect;
        // DiffPlex numbers it from 1. Only an empty side has a count of 0, so only its first hunk is touched.
        if (before.Length == 0)
        {
            diff = ReplaceFirst(diff, "@@ -1,0 ", "@@ -0,0 ");
        }

        if (after.Length == 0)
        {
            diff = ReplaceFirst(diff, " +1,0 @@", " +0,0 @@");
        }

        return diff.EndsWith('\n') ? diff : diff + "\n";
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
