using System.Diagnostics;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Hosting;
using IstioTutor.Sandbox.Server;
using k8s;

namespace IstioTutor.Bench;

/// <summary>
/// In-process CRUD through the sandbox server: KubernetesClient over loopback HTTPS to Kestrel with the
/// bearer token, Istio validation on every write, each write committed to LiteDB before its reply.
/// Measures each operation's latency as a learner's tool call would see it.
/// </summary>
public sealed class CrudBenchmark : IBenchmark
{
    private const int Warmup = 100;
    private const int Rounds = 1000;

    public string Name => "crud";

    public string Description => $"sandbox CRUD through KubernetesClient over loopback HTTPS ({Rounds} rounds of create/get/patch/list/delete; p95 aim <= 5 ms)";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "istiotutor-bench-crud-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = await SandboxServer.StartAsync(Path.Combine(directory, "sandbox.db"), 0, new IstioValidator(), null, cancellationToken);
            using var client = new Kubernetes(server.Endpoint.ToClientConfiguration());
            var cluster = new KubernetesMeshCluster(new BenchConnection(client));
            const string ns = "learn-bench";
            await cluster.EnsureNamespaceAsync(ns, cancellationToken);

            var timings = new Dictionary<string, List<double>> { ["create"] = [], ["get"] = [], ["patch"] = [], ["list"] = [], ["delete"] = [] };
            var patch = JsonNode.Parse("""{"spec":{"http":[{"route":[{"destination":{"host":"reviews","subset":"v2"}}]}]}}""")!;
            for (var i = 0; i < Warmup + Rounds; i++)
            {
                var name = $"reviews-{i}";
                var record = i >= Warmup;
                await Time(timings["create"], record, () => cluster.CreateAsync(ResourceKinds.VirtualService, ns, VirtualService(name), false, cancellationToken));
                await Time(timings["get"], record, () => cluster.GetAsync(ResourceKinds.VirtualService, ns, name, cancellationToken));
                await Time(timings["patch"], record, () => cluster.PatchAsync(ResourceKinds.VirtualService, ns, name, patch, PatchKind.Merge, false, cancellationToken));
                await Time(timings["list"], record, () => cluster.ListAsync(ResourceKinds.Pod, ns, "app=reviews", cancellationToken));
                await Time(timings["delete"], record, () => cluster.DeleteAsync(ResourceKinds.VirtualService, ns, name, false, cancellationToken));
            }

            var figures = timings.Select(t => new BenchFigure($"{t.Key} p95", Percentile(t.Value, 0.95), "ms", "<= 5 ms")).ToList();
            var all = timings.Values.SelectMany(v => v).ToList();
            figures.Add(new BenchFigure("all operations p50", Percentile(all, 0.50), "ms"));
            figures.Add(new BenchFigure("all operations p95", Percentile(all, 0.95), "ms", "<= 5 ms"));
            return figures;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task Time(List<double> into, bool record, Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        await operation();
        if (record)
        {
            into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static JsonObject VirtualService(string name) => new()
    {
        ["apiVersion"] = "networking.istio.io/v1",
        ["kind"] = "VirtualService",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["hosts"] = new JsonArray("reviews"),
            ["http"] = new JsonArray(new JsonObject
            {
                ["route"] = new JsonArray(new JsonObject { ["destination"] = new JsonObject { ["host"] = "reviews", ["subset"] = "v1" } }),
            }),
        },
    };

    private sealed class BenchConnection(IKubernetes client) : IClusterConnection
    {
        public string Description => "simulated sandbox";

        public bool IsSimulated => true;

        public Task<IKubernetes> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult(client);
    }
}
