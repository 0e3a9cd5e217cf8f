using System.Diagnostics;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Simulation;

namespace IstioTutor.Bench;

/// <summary>10,000 simulated requests through a weighted VirtualService, fault, retries, DestinationRule subsets and authorization.</summary>
public sealed class SimulateBenchmark : IBenchmark
{
    public string Name => "simulate";

    public string Description => "10,000 simulated requests productpage → reviews (weights, fault, subsets, authz); median of 7 runs after warm-up";

    public Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        const string ns = "learn-bench";
        var snapshot = BenchSnapshot(ns);
        var simulator = new TrafficSimulator();
        var request = new SimulationRequest("reviews") { Source = "productpage", Requests = 10_000, Seed = 7 };
        simulator.Simulate(snapshot, request);
        var runs = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            simulator.Simulate(snapshot, request);
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }

        runs.Sort();
        IReadOnlyList<BenchFigure> figures = [new BenchFigure("10,000 requests (median)", runs[runs.Count / 2], "ms", "≤ 50 ms"), new BenchFigure("10,000 requests (worst)", runs[^1], "ms")];
        return Task.FromResult(figures);
    }

    private static MeshSnapshot BenchSnapshot(string ns)
    {
        JsonObject Pod(string app, string version) => JsonNode.Parse($$$"""{"kind":"Pod","metadata":{"name":"{{{app}}}-{{{version}}}-0","namespace":"{{{ns}}}","labels":{"app":"{{{app}}}","version":"{{{version}}}"}},"spec":{"serviceAccountName":"bookinfo-{{{app}}}","containers":[{"name":"{{{app}}}"},{"name":"istio-proxy"}]}}""")!.AsObject();
        JsonObject Svc(string app) => JsonNode.Parse($$$"""{"kind":"Service","metadata":{"name":"{{{app}}}","namespace":"{{{ns}}}"},"spec":{"selector":{"app":"{{{app}}}"},"ports":[{"name":"http","port":9080,"targetPort":9080}]}}""")!.AsObject();
        JsonObject Cfg(string json) => JsonNode.Parse(json.Replace("NS", ns, StringComparison.Ordinal))!.AsObject();
        return new MeshSnapshot(
            ns,
            [
                Cfg("""{"kind":"VirtualService","metadata":{"name":"reviews","namespace":"NS"},"spec":{"hosts":["reviews"],"http":[{"match":[{"headers":{"end-user":{"exact":"jason"}}}],"route":[{"destination":{"host":"reviews","subset":"v2"}}]},{"fault":{"abort":{"httpStatus":500,"percentage":{"value":5}}},"retries":{"attempts":2,"retryOn":"5xx"},"route":[{"destination":{"host":"reviews","subset":"v1"},"weight":50},{"destination":{"host":"reviews","subset":"v3"},"weight":50}]}]}}"""),
                Cfg("""{"kind":"DestinationRule","metadata":{"name":"reviews","namespace":"NS"},"spec":{"host":"reviews","trafficPolicy":{"loadBalancer":{"simple":"ROUND_ROBIN"}},"subsets":[{"name":"v1","labels":{"version":"v1"}},{"name":"v2","labels":{"version":"v2"}},{"name":"v3","labels":{"version":"v3"}}]}}"""),
                Cfg("""{"kind":"AuthorizationPolicy","metadata":{"name":"reviews-viewer","namespace":"NS"},"spec":{"selector":{"matchLabels":{"app":"reviews"}},"action":"ALLOW","rules":[{"from":[{"source":{"principals":["cluster.local/ns/NS/sa/bookinfo-productpage"]}}],"to":[{"operation":{"methods":["GET"]}}]}]}}"""),
            ],
            [Svc("productpage"), Svc("reviews"), Svc("ratings"), Svc("details")],
            [Pod("productpage", "v1"), Pod("details", "v1"), Pod("reviews", "v1"), Pod("reviews", "v2"), Pod("reviews", "v3"), Pod("ratings", "v1")],
            [],
            []);
    }
}
