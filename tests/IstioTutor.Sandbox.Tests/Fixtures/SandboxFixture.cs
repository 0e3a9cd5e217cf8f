using System.Net.Http.Headers;
using System.Text;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Sandbox.Hosting;
using k8s;

namespace IstioTutor.Sandbox.Tests.Fixtures;

/// <summary>
/// One embedded sandbox for the whole test collection: the real server on a free loopback port over a
/// LiteDB file in a temporary data directory, reached through KubernetesClient, raw HTTP and kubectl.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "istiotutor-sandbox-tests-" + Guid.NewGuid().ToString("N"));
    private EmbeddedSandbox? _sandbox;
    private EmbeddedClusterConnection? _connection;
    private int _counter;

    public Uri Address { get; private set; } = null!;

    /// <summary>The bearer token of this run; <see cref="Http"/> sends it on every request.</summary>
    public string Token { get; private set; } = null!;

    public DataDirectory Data { get; private set; } = null!;

    public IMeshCluster Cluster { get; private set; } = null!;

    /// <summary>The raw KubernetesClient for calls the seam does not offer (typed workload writes).</summary>
    public IKubernetes Client { get; private set; } = null!;

    /// <summary>Raw HTTP to the sandbox with this run's token, trusting its certificate only.</summary>
    public HttpClient Http { get; private set; } = null!;

    public SandboxEndpoint Endpoint { get; private set; } = null!;

    public string KubeconfigPath => Data.File(SandboxKubeconfig.FileName);

    public string KubectlCacheDir => Path.Combine(_root, "kubectl-cache");

    public async Task InitializeAsync()
    {
        Data = new DataDirectory(Path.Combine(_root, "data"));
        _sandbox = new EmbeddedSandbox(Data, [new RequireHostsValidator()]);
        _connection = new EmbeddedClusterConnection(_sandbox);
        Cluster = new KubernetesMeshCluster(_connection);
        Client = await _connection.ConnectAsync(CancellationToken.None);
        Endpoint = await _sandbox.StartAsync(CancellationToken.None);
        (Address, Token) = (Endpoint.Address, Endpoint.Token);
        Http = PinnedHttp.Create(Endpoint);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    /// <summary>A learner namespace no other test uses.</summary>
    public string NewNamespace(string prefix = "t") => $"learn-{prefix}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        _connection?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl child still closing its cache: the temp directory is cleaned by the OS later.
        }
    }
}
