using System.Globalization;
using System.Text;

namespace IstioTutor.Core.Progress;

/// <summary>
/// Text that learners choose (display names) made safe to show: control characters (ANSI escapes, bells,
/// carriage returns) and bidirectional overrides are removed, whitespace runs become one space, and a
/// name is bounded. Applied when a name is stored and again wherever one is shown, so names stored
/// before this rule cannot repaint a mentor's terminal either.
/// </summary>
public static class DisplayText
{
    public const int MaxNameLength = 80;

    /// <summary>The name as it may be stored and shown; empty when nothing printable is left.</summary>
    public static string Name(string? raw) => Bound(Printable(raw), MaxNameLength);

    /// <summary>The text without control or bidi-override characters (newlines and tabs become spaces).</summary>
    public static string Printable(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                // An ESC starts an ANSI sequence; dropping the ESC leaves "[31m" harmless text, not a colour.
                space = sb.Length > 0 && (space || char.IsWhiteSpace(c));
                continue;
            }

            if (IsBidiControl(c))
            {
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Bound(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Cut on a text element boundary so no surrogate pair or combining sequence is split.
        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text.AsSpan(end));
            if (next > max)
            {
                break;
            }

            end = next;
        }

        return text[..end].TrimEnd();
    }

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
