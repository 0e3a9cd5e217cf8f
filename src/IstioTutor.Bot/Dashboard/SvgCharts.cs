using System.Globalization;
using System.Net;
using System.Text;

namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no CDN, and they print. Each chart has a
/// <c>data-chart</c> attribute the browser tests look for.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 420, Height = 220, Left = 40, Bottom = 30, Top = 16;

    /// <summary>Vertical bars with a label under each and the value above it.</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, int Value)> bars, string color)
    {
        var sb = Open(id, title);
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var slot = (Width - Left - 10) / (double)Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (Height - Bottom - Top) * value / (double)max;
            var x = Left + i * slot + slot * 0.15;
            var y = Height - Bottom - h;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{Math.Max(h, 1):0.#}\" fill=\"{color}\"><title>{Enc(label)}: {value}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + slot * 0.35:0.#}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\" font-size=\"11\">{Enc(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + slot * 0.35:0.#}\" y=\"{y - 3:0.#}\" text-anchor=\"middle\" font-size=\"11\">{value}</text>");
        }

        return Close(sb);
    }

    /// <summary>A cumulative line over days, with the first and last day labelled.</summary>
    public static string CumulativeLine(string id, string title, IReadOnlyList<(DateOnly Day, int Count)> days, string color)
    {
        var sb = Open(id, title);
        if (days.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" font-size=\"12\">no labs passed yet</text>");
            return Close(sb);
        }

        var totals = new List<int>(days.Count);
        var running = 0;
        foreach (var d in days)
        {
            running += d.Count;
            totals.Add(running);
        }

        // The line starts at zero the day before the first pass, so it always has a run to draw — also when
        // every pass fell on one day (a single point would paint nothing).
        var start = days[0].Day.AddDays(-1);
        var first = start.DayNumber;
        var span = days[^1].Day.DayNumber - first;
        var points = new StringBuilder($"{Left},{Height - Bottom} ");
        var markers = new StringBuilder();
        for (var i = 0; i < days.Count; i++)
        {
            var x = Left + (Width - Left - 10) * (days[i].Day.DayNumber - first) / (double)span;
            var y = Height - Bottom - (Height - Bottom - Top) * totals[i] / (double)running;
            points.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
            markers.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"{color}\"><title>{days[i].Day:yyyy-MM-dd}: {totals[i]}</title></circle>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points.ToString().Trim()}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"3\"/>");
        sb.Append(markers);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - Bottom + 14}\" font-size=\"11\">{start:yyyy-MM-dd}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 10}\" y=\"{Height - Bottom + 14}\" text-anchor=\"end\" font-size=\"11\">{days[^1].Day:yyyy-MM-dd}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\">{running}</text>");
        return Close(sb);
    }

    private static StringBuilder Open(string id, string title)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><figcaption>{Enc(title)}</figcaption>");
        sb.Append(CultureInfo.InvariantCulture, $"<svg data-chart=\"{id}\" role=\"img\" aria-label=\"{Enc(title)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 5}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        return sb;
    }

    private static string Close(StringBuilder sb) => sb.Append("</svg></figure>").ToString();

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
