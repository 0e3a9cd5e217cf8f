using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Pods;
using IstioTutor.Sandbox.Schemas;
using IstioTutor.Sandbox.Shell;
using IstioTutor.Sandbox.Storage;
using IstioTutor.Sandbox.Watching;

namespace IstioTutor.Sandbox.Tests.Shell;

/// <summary>The sandbox's API over a real LiteDB file with one seeded learner namespace, for running exec commands in-process.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes class fixtures through IDisposable.")]
public sealed class ShellHost : IDisposable
{
    public const string Namespace = "learn-shell";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "istiotutor-shell-" + Guid.NewGuid().ToString("N"));
    private readonly SandboxStore _store;
    private readonly ResourceApi _api;
    private readonly PodSubresources _pods;

    public ShellHost()
    {
        _store = new SandboxStore(Path.Combine(_directory, "sandbox.db"));
        _api = new ResourceApi(_store, new ServedResources(), null, TimeProvider.System, new WatchHub(new SandboxWatchOptions().Validated()), CrdSchemas.Load());
        _api.Create(_api.Served.Find("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = Namespace } }, dryRun: false);
        _pods = new PodSubresources(_api, TimeProvider.System, new ExecLimits());
    }

    /// <summary>Runs <paramref name="argv"/> in the app container of the <paramref name="app"/> pod.</summary>
    internal ShellResult Run(string app, params string[] argv)
    {
        var pod = PodFacts.From(_api.Snapshot(Namespace).Pods.First(p => (string?)p["metadata"]?["labels"]?["app"] == app));
        return _pods.Exec.Run(pod, app, argv, null, CancellationToken.None);
    }

    internal ShellResult Sh(string script) => Run("ratings", "sh", "-c", script);

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
