using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Pods;
using IstioTutor.Sandbox.Shell;
using IstioTutor.Sandbox.Printing;
using IstioTutor.Sandbox.Schemas;
using IstioTutor.Sandbox.Watching;
using IstioTutor.Sandbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IstioTutor.Sandbox.Server;

/// <summary>
/// The simulated Kubernetes API server: Kestrel on 127.0.0.1 over HTTPS with a self-signed certificate,
/// state in a LiteDB file. Every request must carry the bearer token drawn when this server started
/// (<see cref="Token"/>); anything else on the machine gets 401, so the guard and the audit log cannot be
/// gone around. Token, key and certificate are new on every start.
/// Started by <c>istiotutor sandbox serve</c> for outside clients and in-process by
/// <see cref="Hosting.EmbeddedSandbox"/> for every door and test.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxStore _store;
    private readonly X509Certificate2 _certificate;
    private readonly WatchHub _watches;

    private SandboxServer(WebApplication app, SandboxStore store, ResourceApi api, X509Certificate2 certificate, WatchHub watches, Uri address, string token, string storePath)
    {
        _watches = watches;
        _app = app;
        _store = store;
        Api = api;
        _certificate = certificate;
        Address = address;
        Token = token;
        StorePath = storePath;
    }

    /// <summary>The API semantics behind the endpoint, for in-process seeding.</summary>
    internal ResourceApi Api { get; }

    /// <summary>The Kubernetes version the sandbox reports to clients.</summary>
    public const string KubernetesVersion = DiscoveryDocuments.KubernetesVersion;

    /// <summary>Where clients connect, e.g. https://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

    /// <summary>The bearer token every request must carry: 256 random bits, new on every start.</summary>
    public string Token { get; }

    /// <summary>The address, token and certificate, as a client needs them.</summary>
    public SandboxEndpoint Endpoint => new(Address, Token, _certificate.ExportCertificatePem());

    /// <summary>The LiteDB file holding the sandbox.</summary>
    public string StorePath { get; }

    /// <summary>
    /// Opens (or creates and seeds) the sandbox in <paramref name="storePath"/> and serves it on
    /// 127.0.0.1:<paramref name="port"/> (0 picks a free port). <paramref name="validator"/> is Istio's
    /// validation, applied to every write of Istio configuration.
    /// </summary>
    public static async Task<SandboxServer> StartAsync(
        string storePath,
        int port,
        IResourceValidator? validator,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken,
        SandboxWatchOptions? watchOptions = null)
    {
        var watching = (watchOptions ?? new SandboxWatchOptions()).Validated();
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var fullPath = Path.GetFullPath(storePath);
        SandboxStore store;
        try
        {
            store = new SandboxStore(fullPath, watching.HistorySize);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The sandbox data file '{fullPath}' cannot be opened ({e.Message}). Another IstioTutor process may be serving it: stop it, or point this one at it with --data.", e);
        }

        try
        {
            var crds = CrdSchemas.Load();
            var watches = new WatchHub(watching);
            var api = new ResourceApi(store, new ServedResources(), validator, TimeProvider.System, watches, crds);
            var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("IstioTutor.Sandbox");
            var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            var certificate = SandboxCertificate.Create();
            var handler = new ApiRequestHandler(api, new DiscoveryDocuments(api.Served, crds), new TablePrinter(crds, TimeProvider.System), watching, new PodSubresources(api, TimeProvider.System, new ExecLimits()), fullPath, token, logger);

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(o =>
            {
                o.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate));
                o.Limits.MaxRequestBodySize = 4 * 1024 * 1024;

                // kubectl exec sends the command in the URL: room for scripts up to the shell's own limit, so it can say why it refuses longer ones.
                o.Limits.MaxRequestLineSize = 128 * 1024;
                o.Limits.MaxRequestHeadersTotalSize = 160 * 1024;
            });
            if (loggerFactory is not null)
            {
                builder.Services.AddSingleton(loggerFactory);
            }

            var app = builder.Build();
            app.UseWebSockets();
            app.Run(handler.HandleAsync);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new SandboxServer(app, store, api, certificate, watches, new Uri(address.EndsWith('/') ? address : address + "/"), token, fullPath);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Open watches (kubectl get -w) would otherwise hold the shutdown until Kestrel's grace period ends.
        _watches.CloseAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
        _certificate.Dispose();
    }
}
