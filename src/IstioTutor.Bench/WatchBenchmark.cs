using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Watching;

namespace IstioTutor.Bench;

/// <summary>
/// 100 open watches on one sandbox server (as 100 kubectl get -w or wait would hold them) over HTTP/2 to
/// Kestrel: the managed memory they hold (server and client in this process, after a full collection),
/// how long opening them takes, and how long one write takes to reach every one of them.
/// </summary>
public sealed class WatchBenchmark : IBenchmark
{
    private const int Watches = 100;

    public string Name => "watch";

    public string Description => $"{Watches} open watches on the sandbox: memory held, time to open, one write's fan-out to all";

    public async Task<IReadOnlyList<BenchFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "istiotutor-bench-watch-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = await SandboxServer.StartAsync(Path.Combine(directory, "sandbox.db"), 0, new IstioValidator(), null, cancellationToken,
                new SandboxWatchOptions { MaxPerClient = Watches * 2 });
            using var http = Client(server);
            var list = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/v1/namespaces", cancellationToken))!;
            var version = (string)list["metadata"]!["resourceVersion"]!;

            var before = GC.GetTotalMemory(forceFullCollection: true);
            var opening = Stopwatch.StartNew();
            var streams = new List<(HttpResponseMessage Response, StreamReader Reader)>();
            for (var i = 0; i < Watches; i++)
            {
                var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces?watch=true&resourceVersion=" + version), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                response.EnsureSuccessStatusCode();
                streams.Add((response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8)));
            }

            var openMs = opening.Elapsed.TotalMilliseconds;
            var held = GC.GetTotalMemory(forceFullCollection: true) - before;

            var reads = streams.Select(s => s.Reader.ReadLineAsync(cancellationToken).AsTask()).ToList();
            var fanOut = Stopwatch.StartNew();
            using var created = await http.PostAsync("/api/v1/namespaces", new StringContent("""{"metadata":{"name":"learn-watched"}}""", Encoding.UTF8, "application/json"), cancellationToken);
            created.EnsureSuccessStatusCode();
            await Task.WhenAll(reads);
            var fanOutMs = fanOut.Elapsed.TotalMilliseconds;

            foreach (var (response, reader) in streams)
            {
                reader.Dispose();
                response.Dispose();
            }

            return
            [
                new BenchFigure($"memory held by {Watches} open watches", held / 1024.0, "KiB"),
                new BenchFigure("memory per open watch", held / 1024.0 / Watches, "KiB"),
                new BenchFigure($"open {Watches} watches", openMs, "ms"),
                new BenchFigure($"one write reaches all {Watches} watches", fanOutMs, "ms"),
            ];
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static HttpClient Client(SandboxServer server)
    {
        var pinned = X509Certificate2.CreateFromPem(server.Endpoint.CertificatePem);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData) },
        };
        var http = new HttpClient(handler) { BaseAddress = server.Address, DefaultRequestVersion = new Version(2, 0), DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return http;
    }
}
