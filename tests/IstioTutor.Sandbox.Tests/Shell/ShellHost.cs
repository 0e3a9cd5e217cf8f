using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Api;
using IstioTutor.Sandbox.Pods;
using IstioTutor.Sandbox.Shell;
using IstioTutor.Sandbox.Storage;

namespace IstioTutor.Sandbox.Tests.Shell;

/// <summary>The sandbox's API over a real LiteDB file with one seeded learner namespace, for running exec commands in-process.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes class fixtures through IDisposable.")]
public sealed class ShellHost : IDisposable
{
    public const string Namespace = "learn-shell";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "istiotutor-shell-" + Guid.NewGuid().ToString("N"));
    private readonly SandboxStore store;
    private readonly ResourceApi api;
    private readonly PodSubresources pods;

    public ShellHost()
    {
        store = new SandboxStore(Path.Combine(directory, "sandbox.db"));
        api = new ResourceApi(store, new ServedResources(), null, TimeProvider.System);
        api.Create(api.Served.Find("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = Namespace } }, dryRun: false);
        pods = new PodSubresources(api, TimeProvider.System, new ExecLimits());
    }

    /// <summary>Runs <paramref name="argv"/> in the app container of the <paramref name="app"/> pod.</summary>
    internal ShellResult Run(string app, params string[] argv)
    {
        var pod = PodFacts.From(api.Snapshot(Namespace).Pods.First(p => (string?)p["metadata"]?["labels"]?["app"] == app));
        return pods.Exec.Run(pod, app, argv, null, CancellationToken.None);
    }

    internal ShellResult Sh(string script) => Run("ratings", "sh", "-c", script);

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
