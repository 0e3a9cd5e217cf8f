using System.Globalization;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>A route's retries: how many, the per-try timeout, and which failures are retried.</summary>
internal sealed record RetryPolicy(int Attempts, double PerTryMs, IReadOnlySet<string> RetryOn, IReadOnlySet<int> Codes)
{
    private const string DefaultRetryOn = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

    /// <summary>Istio's default when a route sets none: 2 attempts on connect-failure, refused-stream, unavailable, cancelled and 503.</summary>
    public static RetryPolicy Default { get; } = new(2, 0, Split(DefaultRetryOn), new HashSet<int> { 503 });

    public static RetryPolicy From(JsonObject? retries)
    {
        if (retries is null)
        {
            return Default;
        }

        var attempts = JsonFields.Int(retries["attempts"]) ?? 0;
        var perTry = GoDuration.ParseOrNull(JsonFields.Str(retries["perTryTimeout"]))?.TotalMilliseconds ?? 0;
        var retryOn = JsonFields.Str(retries["retryOn"]);
        var on = Split(retryOn ?? DefaultRetryOn);
        var codes = on.Select(o => int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0).Where(c => c > 0).ToHashSet();
        if (retryOn is null)
        {
            codes.Add(503);
        }

        return new RetryPolicy(attempts, perTry, on, codes);
    }

    /// <summary>Whether Envoy would retry an attempt that ended with this status and response flag.</summary>
    public bool Retriable(int status, string? flag) =>
        status != 0 && status is not (401 or 403) && flag != "FI" && (
            (RetryOn.Contains("5xx") && status >= 500)
            || (RetryOn.Contains("gateway-error") && status is 502 or 503 or 504)
            || ((RetryOn.Contains("connect-failure") || RetryOn.Contains("reset")) && flag == "UF")
            || (RetryOn.Contains("retriable-4xx") && status == 409)
            || ((RetryOn.Contains("retriable-status-codes") || Codes.Count > 0) && Codes.Contains(status)));

    private static HashSet<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
