using System.Globalization;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Mesh.Apps;

/// <summary>What every sample app shares: the clock for its log lines, where those lines go, and its outbound calls (reported as they return).</summary>
internal sealed class AppHost(TimeProvider time, IAppActivity? activity)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public void Log(WorkloadInfo pod, string line) => activity?.Logged(pod, pod.App, line);

    /// <summary>Sends the app's own call through its sidecar and reports it; a reply slower than <paramref name="timeoutMs"/> is a client-side timeout (null).</summary>
    public Outcome Call(AppRequest from, HttpCall call, double timeoutMs)
    {
        var exchange = from.Outbound.Send(call);
        activity?.Called(from.Pod, exchange);
        return exchange.Outcome == ExchangeOutcome.Answered && exchange.DurationMs <= timeoutMs
            ? new Outcome(exchange, exchange.DurationMs, exchange.Status)
            : new Outcome(exchange, Math.Min(exchange.DurationMs, timeoutMs), null);
    }

    /// <summary>Headers worth forwarding from <paramref name="incoming"/> (Bookinfo's lists, lower-cased).</summary>
    public static Dictionary<string, string> Forward(IReadOnlyDictionary<string, string> incoming, IEnumerable<string> names)
    {
        var forwarded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (incoming.TryGetValue(name, out var value))
            {
                forwarded[name] = value;
            }
        }

        return forwarded;
    }

    public static string Clf(DateTimeOffset at) => at.ToString("dd/MMM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A call's result as the app's HTTP client sees it: the status, or null when it failed or timed out.</summary>
    public sealed record Outcome(HttpExchange Exchange, double ElapsedMs, int? Status);
}
