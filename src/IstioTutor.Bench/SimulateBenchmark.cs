using System.Diagnostics;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Bench;

/// <summary>
/// 10,000 simulated requests through a weighted VirtualService, fault, retries, DestinationRule subsets and
/// authorization; then 10,000 through a GAMMA HTTPRoute (header match, 50/50 backendRefs to version Services,
/// a header modifier, retry and timeouts) with the same authorization.
/// </summary>
public sealed class SimulateBenchmark : IBenchmark
{
    private const string ReviewsViewer = """{"kind":"AuthorizationPolicy","metadata":{"name":"reviews-viewer","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"from":[{"source":{"principals":["cluster.local/ns/NS/sa/bookinfo-productpage"]}}],"to":[{"operation":{"methods":["GET"]}}]}]}}""";

    private static readonly string[] VirtualServiceConfig =
    [
        """{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"match":[{"headers":{"end-user":{"exact":"jason"}}}],"route":[{"destination":{"host":"reviews","subset":"v2"}}]},{"fault":{"abort":{"httpStatus":500,"percentage":{"value":5}}},"retries":{"attempts":2,"retryOn":"5xx"},"route":[{"destination":{"host":"reviews","subset":"v1"},"weight":50},{"destination":{"host":"reviews","subset":"v3"},"weight":50}]}]}}""",
        """{"kind":"DestinationRule","metadata":{"name":"reviews","namespace":"NS"},"spec":{"host":"reviews","trafficPolicy":{"loadBalancer":{"simple":"ROUND_ROBIN"}},"subsets":[{"name":"v1","labels":{"version":"v1"}},{"name":"v2","labels":{"version":"v2"}},{"name":"v3","labels":{"version":"v3"}}]}}""",
        ReviewsViewer,
    ];

    private static readonly string[] HttpRouteConfig =
    [
        """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"reviews","namespace":"NS"},"spec":{"parentRefs":[{"group":"","kind":"Service","name":"reviews","port":9080}],"rules":[{"matches":[{"headers":[{"name":"end-user","value":"jason"}]}],"backendRefs":[{"name":"reviews-v2","port":9080}]},{"matches":[{"path":{"type":"PathPrefix","value":"/"}}],"filters":[{"type":"RequestHeaderModifier","requestHeaderModifier":{"set":[{"name":"x-canary","value":"split"}]}}],"retry":{"attempts":2,"codes":[500,503]},"timeouts":{"request":"10s","backendRequest":"3s"},"backendRefs":[{"name":"reviews-v1","port":9080,"weight":50},{"name":"reviews-v3","port":9080,"weight":50}]}]}}""",
        ReviewsViewer,
    ];

    public string Name => "simulate";

    public string Description => "10,000 simulated requests productpage → reviews, through a VirtualService (weights, fault, subsets, authz) and through an HTTPRoute (match, weights, filter, retry, timeouts, authz); median of 7 runs after warm-up";

    public Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        const string ns = "learn-bench";
        var request = new SimulationRequest("reviews") { Source = "productpage", Requests = 10_000, Seed = 7 };
        var virtualService = Measure(BenchSnapshot(ns, VirtualServiceConfig), request);
        var httpRoute = Measure(BenchSnapshot(ns, HttpRouteConfig), request);
        IReadOnlyList<BenchFigure> figures =
        [
            new BenchFigure("10,000 requests (median)", virtualService[virtualService.Count / 2], "ms", "≤ 50 ms"),
            new BenchFigure("10,000 requests (worst)", virtualService[^1], "ms"),
            new BenchFigure("10,000 requests via HTTPRoute (median)", httpRoute[httpRoute.Count / 2], "ms", "≤ 50 ms"),
            new BenchFigure("10,000 requests via HTTPRoute (worst)", httpRoute[^1], "ms"),
        ];
        return Task.FromResult(figures);
    }

    /// <summary>One warm-up run, then 7 timed runs, sorted.</summary>
    private static List<double> Measure(MeshSnapshot snapshot, SimulationRequest request)
    {
        var simulator = new TrafficSimulator();
        simulator.Simulate(snapshot, request);
        var runs = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            simulator.Simulate(snapshot, request);
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }

        runs.Sort();
        return runs;
    }

    private static MeshSnapshot BenchSnapshot(string ns, string[] config)
    {
        JsonObject Pod(string app, string version) => JsonNode.Parse($$$"""{"kind":"Pod","metadata":{"name":"{{{app}}}-{{{version}}}-0","namespace":"{{{ns}}}","labels":{"app":"{{{app}}}","version":"{{{version}}}"}},"spec":{"serviceAccountName":"bookinfo-{{{app}}}","containers":[{"name":"{{{app}}}"},{"name":"istio-proxy"}]}}""")!.AsObject();
        JsonObject Svc(string name, string selector) => JsonNode.Parse($$$"""{"kind":"Service","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},"spec":{"selector":{{{selector}}},"ports":[{"name":"http","port":9080,"targetPort":9080}]}}""")!.AsObject();
        JsonObject App(string app) => Svc(app, $$"""{"app":"{{app}}"}""");
        JsonObject Version(string app, string version) => Svc($"{app}-{version}", $$"""{"app":"{{app}}","version":"{{version}}"}""");
        JsonObject Cfg(string json) => JsonNode.Parse(json.Replace("NS", ns, StringComparison.Ordinal))!.AsObject();
        return new MeshSnapshot(
            ns,
            [.. config.Select(Cfg)],
            [App("productpage"), App("reviews"), App("ratings"), App("details"), Version("reviews", "v1"), Version("reviews", "v2"), Version("reviews", "v3")],
            [Pod("productpage", "v1"), Pod("details", "v1"), Pod("reviews", "v1"), Pod("reviews", "v2"), Pod("reviews", "v3"), Pod("ratings", "v1")],
            [],
            []);
    }
}
