using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Watching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Sandbox.Hosting;

/// <summary>
/// Starts the sandbox in-process on a free loopback port the first time a door needs the cluster, and
/// stops it with the host. If another IstioTutor process already serves this data directory (say
/// <c>istiotutor sandbox serve</c>), it connects to that one instead, since only one process can hold
/// the data file.
/// </summary>
public sealed class EmbeddedSandbox(DataDirectory data, IEnumerable<IResourceValidator> validators, ILoggerFactory? loggerFactory = null, IConfiguration? configuration = null)
    : IEmbeddedSandbox, IAsyncDisposable, IDisposable
{
    public const string StoreFileName = "sandbox.db";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SandboxServer? _server;
    private SandboxEndpoint? _endpoint;

    public async Task<SandboxEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is not null)
        {
            return _endpoint;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_endpoint is not null)
            {
                return _endpoint;
            }

            var storePath = data.File(StoreFileName);
            var running = await SandboxProbe.FindRunningAsync(data.File(SandboxKubeconfig.FileName), storePath, cancellationToken);
            if (running is not null)
            {
                return _endpoint = running;
            }

            _server = await SandboxServer.StartAsync(storePath, 0, validators.LastOrDefault(), loggerFactory, cancellationToken, SandboxWatchOptions.From(configuration));
            SandboxKubeconfig.Write(data.File(SandboxKubeconfig.FileName), _server.Endpoint);
            return _endpoint = _server.Endpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        _gate.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
