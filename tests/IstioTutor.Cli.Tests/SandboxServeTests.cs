using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace IstioTutor.Cli.Tests;

/// <summary>
/// <c>istiotutor sandbox serve</c> as a real process: its kubeconfig is the owner's alone, and a write it
/// acknowledged is in the data file even when the process is killed with SIGKILL right after.
/// </summary>
public sealed partial class SandboxServeTests : IDisposable
{
    private const int Creates = 30;
    private const int Rounds = 3;

    private readonly IstiotutorProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Every_create_acknowledged_before_a_SIGKILL_is_there_after_a_restart()
    {
        var data = _cli.NewDataDirectory();
        var acknowledged = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            using var serve = await ServeAsync(data);
            using var http = Client(data);
            // Sent together, as a learner's tools and kubectl might; each counts once its 201 is in.
            await Task.WhenAll(Enumerable.Range(0, Creates).Select(async i =>
            {
                var name = $"acked-{round}-{i}";
                using var response = await http.PostAsync(
                    "/apis/networking.istio.io/v1/namespaces/learn-durable/virtualservices",
                    new StringContent(VirtualService(name), Encoding.UTF8, "application/json"));
                Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                lock (acknowledged)
                {
                    acknowledged.Add(name);
                }
            }));

            serve.Kill(); // SIGKILL on Unix, right after the last reply: no shutdown, no LiteDB dispose.
            await serve.WaitForExitAsync();
        }

        using var restarted = await ServeAsync(data);
        using var again = Client(data);
        var missing = new List<string>();
        foreach (var name in acknowledged)
        {
            using var response = await again.GetAsync($"/apis/networking.istio.io/v1/namespaces/learn-durable/virtualservices/{name}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add(name);
            }
        }

        restarted.Kill();
        Assert.Equal(Rounds * Creates, acknowledged.Count);
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged creates were lost: {string.Join(", ", missing)}");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Sandbox_serve_writes_its_kubeconfig_owner_only_with_a_token_it_requires()
    {
        var data = _cli.NewDataDirectory();
        using var serve = await ServeAsync(data);
        var kubeconfig = Path.Combine(data, "sandbox.kubeconfig");
        using var anonymous = Anonymous(data);

        var mode = File.GetUnixFileMode(kubeconfig);
        using var refused = await anonymous.GetAsync("/api/v1/namespaces");
        using var admitted = await Client(data).GetAsync("/api/v1/namespaces");
        serve.Kill();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    private static string VirtualService(string name) =>
        $$$"""{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"{{{name}}}"},"spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"}}]}]}}""";

    /// <summary>Starts <c>sandbox serve</c> and returns once it says it serves (its kubeconfig is written by then).</summary>
    private async Task<Process> ServeAsync(string data)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _cli.DataRoot,
        };
        foreach (var argument in new[] { _cli.Dll, "sandbox", "serve", "--data", data })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ISTIOTUTOR_DATA");
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("serving at", StringComparison.Ordinal))
            {
                // Keep draining stdout so the child never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return process;
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        throw new InvalidOperationException($"sandbox serve exited {process.ExitCode} before serving: {await stderr}");
    }

    /// <summary>A client with the address and bearer token of the kubeconfig that <c>sandbox serve</c> wrote.</summary>
    private static HttpClient Client(string data)
    {
        var http = Anonymous(data);
        var text = File.ReadAllText(Path.Combine(data, "sandbox.kubeconfig"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenLine().Match(text).Groups[1].Value);
        return http;
    }

    /// <summary>A client of the kubeconfig's server that trusts the kubeconfig's certificate only and sends no credentials.</summary>
    private static HttpClient Anonymous(string data)
    {
        var text = File.ReadAllText(Path.Combine(data, "sandbox.kubeconfig"));
        var pinned = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(AuthorityLine().Match(text).Groups[1].Value)));
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.RawDataMemory.Span.SequenceEqual(pinned.RawDataMemory.Span),
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(ServerLine().Match(text).Groups[1].Value) };
    }

    [GeneratedRegex(@"^\s*server:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"^\s*certificate-authority-data:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AuthorityLine();

    [GeneratedRegex(@"^\s*token:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();
}
