using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Guard.Preview;

/// <summary>
/// Says what the traffic simulator predicts for the hosts a change routes, from the service that calls
/// them in the sample app: "reviews: v1 50%, v3 50% over 200 requests". When a rule matches an exact
/// header (end-user: jason), the forecast adds a run with that header.
/// </summary>
public sealed class TrafficForecast(TrafficSimulator simulator, IOptions<GuardOptions> options)
{
    public string? Describe(MeshSnapshot after, IReadOnlyList<PlannedChange> changes)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(changes);
        var lines = new List<string>();
        foreach (var host in AffectedHosts(changes).Take(3))
        {
            var source = CallerOf(host);
            try
            {
                var request = new SimulationRequest(host) { Source = source, Requests = options.Value.PreviewRequests, Seed = 7 };
                lines.Add($"{source} → " + ReportText.Summarize(simulator.Simulate(after, request)));
                foreach (var (name, value) in ExactHeaders(changes, host).Take(1))
                {
                    var withHeader = request with { Headers = new Dictionary<string, string> { [name] = value } };
                    lines.Add($"{source} with {name}: {value} → " + ReportText.Summarize(simulator.Simulate(after, withHeader)));
                }
            }
            catch (ArgumentException e)
            {
                lines.Add($"{host}: not simulated ({e.Message})");
            }
        }

        return lines.Count == 0 ? null : "simulated, not measured: " + string.Join(" | ", lines);
    }

    /// <summary>Short host names a change's VirtualServices, DestinationRules and ServiceEntries address.</summary>
    public static IEnumerable<string> AffectedHosts(IReadOnlyList<PlannedChange> changes) =>
        changes.Select(c => c.Desired).OfType<JsonObject>().SelectMany(IEnumerable<string> (o) => (JsonFields.Str(o["kind"]), o["spec"]) switch
        {
            ("VirtualService", JsonObject spec) when IsMeshBound(spec) => (spec["hosts"] as JsonArray ?? []).Select(JsonFields.Str).OfType<string>(),
            ("DestinationRule", JsonObject spec) => new[] { JsonFields.Str(spec["host"]) }.OfType<string>(),
            ("ServiceEntry", JsonObject spec) => (spec["hosts"] as JsonArray ?? []).Select(JsonFields.Str).OfType<string>().Take(1),
            _ => [],
        })
        .Where(h => !h.Contains('*', StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal);

    /// <summary>The sample app's caller of a host (productpage calls reviews; reviews calls ratings); productpage otherwise.</summary>
    public static string CallerOf(string host)
    {
        var app = host.Split('.')[0];
        return BookinfoTopology.Calls.FirstOrDefault(c => c.ToHost == app)?.FromApp ?? "productpage";
    }

    private static bool IsMeshBound(JsonObject spec) =>
        spec["gateways"] is not JsonArray gateways || gateways.Count == 0 || gateways.Any(g => JsonFields.Str(g) == "mesh");

    private static IEnumerable<(string Name, string Value)> ExactHeaders(IReadOnlyList<PlannedChange> changes, string host) =>
        changes.Select(c => c.Desired).OfType<JsonObject>()
            .Where(o => JsonFields.Str(o["kind"]) == "VirtualService" && (o["spec"]?["hosts"] as JsonArray ?? []).Any(h => JsonFields.Str(h) == host))
            .SelectMany(o => (o["spec"]?["http"] as JsonArray ?? []).OfType<JsonObject>())
            .SelectMany(r => (r["match"] as JsonArray ?? []).OfType<JsonObject>())
            .SelectMany(m => (m["headers"] as JsonObject ?? []).Select(h => (h.Key, JsonFields.Str(h.Value?["exact"]))))
            .Where(h => h.Item2 is not null)
            .Select(h => (h.Key, h.Item2!));
}
