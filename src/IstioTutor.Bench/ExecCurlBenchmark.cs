using System.Diagnostics;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Pods;
using IstioTutor.Sandbox.Schemas;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Shell;
using IstioTutor.Sandbox.Storage;
using IstioTutor.Sandbox.Watching;

namespace IstioTutor.Bench;

/// <summary>
/// The server's own cost of one <c>kubectl exec ... -- curl -s productpage:9080/productpage</c>: in-process
/// (snapshot of the namespace, model, the simulated request through productpage, details, reviews and
/// ratings with the sample apps, access log lines) and over the WebSocket as kubectl speaks it (without
/// kubectl's own process start; includes the exec's fixed 15 ms start delay).
/// </summary>
public sealed class ExecCurlBenchmark : IBenchmark
{
    private const int Warmup = 50;
    private const int Rounds = 500;
    private const int WireRounds = 100;
    private const string Namespace = "learn-bench";

    public string Name => "exec-curl";

    public string Description => $"one exec'd curl of productpage through the simulated shell: {Rounds} in-process, {WireRounds} over the v5.channel.k8s.io WebSocket";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "istiotutor-bench-exec-" + Guid.NewGuid().ToString("N"));
        try
        {
            var figures = new List<BenchFigure>();
            figures.AddRange(InProcess(Path.Combine(directory, "inproc.db"), cancellationToken));
            figures.AddRange(await OverWebSocketAsync(Path.Combine(directory, "wire.db"), cancellationToken));
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

    private static List<BenchFigure> InProcess(string storePath, CancellationToken cancellationToken)
    {
        using var store = new SandboxStore(storePath);
        var api = new ResourceApi(store, new ServedResources(), new IstioValidator(), TimeProvider.System, new WatchHub(new SandboxWatchOptions().Validated()), CrdSchemas.Load());
        api.Create(api.Served.Find("", "v1", "namespaces")!, null, new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = Namespace } }, dryRun: false);
        var pods = new PodSubresources(api, TimeProvider.System, new ExecLimits());
        var podObject = api.Snapshot(Namespace).Pods.First(p => (string?)p["metadata"]?["labels"]?["app"] == "ratings");
        var pod = PodFacts.From(podObject);
        string[] command = ["curl", "-s", "productpage:9080/productpage"];
        var timings = new List<double>();
        for (var i = 0; i < Warmup + Rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = pods.Exec.Run(pod, "ratings", command, null, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"the benchmark's curl failed: {result.Stderr}");
            }

            if (i >= Warmup)
            {
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return [new BenchFigure("in-process p50", Percentile(timings, 0.50), "ms"), new BenchFigure("in-process p95", Percentile(timings, 0.95), "ms")];
    }

    private static async Task<List<BenchFigure>> OverWebSocketAsync(string storePath, CancellationToken cancellationToken)
    {
        await using var server = await SandboxServer.StartAsync(storePath, 0, new IstioValidator(), null, cancellationToken);
        using var http = new HttpClient(Handler(server.Endpoint.CertificatePem)) { BaseAddress = server.Endpoint.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.Endpoint.Token);
        using (var created = await http.PostAsync("api/v1/namespaces", new StringContent($$$"""{"metadata":{"name":"{{{Namespace}}}"}}""", System.Text.Encoding.UTF8, "application/json"), cancellationToken))
        {
            created.EnsureSuccessStatusCode();
        }

        var list = await http.GetStringAsync($"api/v1/namespaces/{Namespace}/pods?labelSelector=app%3Dratings", cancellationToken);
        var podName = (string)System.Text.Json.Nodes.JsonNode.Parse(list)!["items"]![0]!["metadata"]!["name"]!;
        var uri = new UriBuilder(new Uri(server.Endpoint.Address, $"api/v1/namespaces/{Namespace}/pods/{podName}/exec")) { Scheme = "wss", Query = "command=curl&command=-s&command=productpage%3A9080%2Fproductpage&container=ratings&stdout=true&stderr=true" }.Uri;
        var timings = new List<double>();
        var pinned = X509Certificate2.CreateFromPem(server.Endpoint.CertificatePem);
        for (var i = 0; i < 10 + WireRounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol(ExecChannels.V5);
            socket.Options.SetRequestHeader("Authorization", "Bearer " + server.Endpoint.Token);
            socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData);
            await socket.ConnectAsync(uri, cancellationToken);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var frame = await socket.ReceiveAsync(buffer, cancellationToken);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                    break;
                }
            }

            if (i >= 10)
            {
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return [new BenchFigure("WebSocket round trip p50", Percentile(timings, 0.50), "ms"), new BenchFigure("WebSocket round trip p95", Percentile(timings, 0.95), "ms")];
    }

    private static HttpClientHandler Handler(string certificatePem)
    {
        var pinned = X509Certificate2.CreateFromPem(certificatePem);
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawDataMemory.Span.SequenceEqual(pinned.RawDataMemory.Span),
        };
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
