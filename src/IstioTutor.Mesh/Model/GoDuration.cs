using System.Globalization;

namespace IstioTutor.Mesh.Model;

/// <summary>
/// Parses durations the way Istio's CRDs accept them (Go/CEL syntax: "10s", "1.5s", "100ms", "1h30m").
/// Istio's own examples use this form, so "3m" and "0.5s" are both valid.
/// </summary>
public static class GoDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var span = text.AsSpan();
        var negative = false;
        if (span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span is "0")
        {
            return true;
        }

        double totalMs = 0;
        var any = false;
        while (span.Length > 0)
        {
            var i = 0;
            while (i < span.Length && (char.IsAsciiDigit(span[i]) || span[i] == '.'))
            {
                i++;
            }

            if (i == 0 || !double.TryParse(span[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[i..];
            var j = 0;
            while (j < span.Length && !char.IsAsciiDigit(span[j]) && span[j] != '.')
            {
                j++;
            }

            double unitMs = span[..j] switch
            {
                "ns" => 1e-6,
                "us" or "µs" => 1e-3,
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => double.NaN,
            };
            if (double.IsNaN(unitMs))
            {
                return false;
            }

            totalMs += number * unitMs;
            span = span[j..];
            any = true;
        }

        if (!any)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)Math.Round(totalMs * TimeSpan.TicksPerMillisecond));
        if (negative)
        {
            duration = -duration;
        }

        return true;
    }

    public static TimeSpan? ParseOrNull(string? text) => text is not null && TryParse(text, out var d) ? d : null;
}
