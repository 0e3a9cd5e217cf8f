using System.Globalization;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Core.Guard.Preview;

/// <summary>One-line summaries of simulation reports: "reviews: v1 50%, v3 50% over 200 requests; 200×200".</summary>
public static class ReportText
{
    public static string Summarize(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var service = report.Host.Split('.')[0];
        var total = Math.Max(1, report.Requests);
        var byVersion = report.Destinations
            .GroupBy(d => d.Version ?? d.Workload)
            .Select(g => (Version: g.Key, Count: g.Sum(d => d.Count)))
            .OrderBy(v => v.Version, StringComparer.Ordinal)
            .Select(v => $"{v.Version} {Percent(v.Count, total)}")
            .ToList();
        var statuses = string.Join(", ", report.StatusCodes.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "reset" : s.Key.ToString(CultureInfo.InvariantCulture))}×{s.Value}"));
        var reached = byVersion.Count == 0 ? "no workload reached" : string.Join(", ", byVersion);
        return $"{service}: {reached} over {report.Requests} requests (status {statuses}; p50 {report.Latency.P50:0.#} ms, p99 {report.Latency.P99:0.#} ms)";
    }

    private static string Percent(int count, int total) =>
        (100.0 * count / total).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
