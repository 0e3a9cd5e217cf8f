using System.Net;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Api;
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
/// The simulated Kubernetes API server: Kestrel on 127.0.0.1 over plain HTTP, state in a LiteDB file.
/// Started by <c>istiotutor sandbox serve</c> for outside clients and in-process by
/// <see cref="Hosting.EmbeddedSandbox"/> for every door and test.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SandboxStore store;

    private SandboxServer(WebApplication app, SandboxStore store, Uri address, string storePath)
    {
        this.app = app;
        this.store = store;
        Address = address;
        StorePath = storePath;
    }

    /// <summary>The Kubernetes version the sandbox reports to clients.</summary>
    public const string KubernetesVersion = DiscoveryDocuments.KubernetesVersion;

    /// <summary>Where clients connect, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

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
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var fullPath = Path.GetFullPath(storePath);
        SandboxStore store;
        try
        {
            store = new SandboxStore(fullPath);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The sandbox data file '{fullPath}' cannot be opened ({e.Message}). Another IstioTutor process may be serving it: stop it, or point this one at it with --data.", e);
        }

        try
        {
            var api = new ResourceApi(store, new ServedResources(), validator, TimeProvider.System);
            var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("IstioTutor.Sandbox");
            var handler = new ApiRequestHandler(api, new DiscoveryDocuments(api.Served), fullPath, logger);

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(o =>
            {
                o.Listen(IPAddress.Loopback, port);
                o.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            });
            if (loggerFactory is not null)
            {
                builder.Services.AddSingleton(loggerFactory);
            }

            var app = builder.Build();
            app.Run(handler.HandleAsync);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new SandboxServer(app, store, new Uri(address.EndsWith('/') ? address : address + "/"), fullPath);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        store.Dispose();
    }
}
