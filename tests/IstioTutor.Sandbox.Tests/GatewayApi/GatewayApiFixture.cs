using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Hosting;
using IstioTutor.Sandbox.Seeding;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;
using k8s;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>
/// One sandbox with Istio's real validation (IstioValidator, Gateway API CRD rules included) on a free loopback
/// port over a LiteDB file in a temporary directory, driven with the real kubectl.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class GatewayApiFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "istiotutor-gateway-api-tests-" + Guid.NewGuid().ToString("N"));
    private SandboxServer? _server;
    private int _counter;

    public KubectlRunner Kubectl { get; private set; } = null!;

    /// <summary>The seam the tutor reads the sandbox through (snapshots for analyze and the simulator).</summary>
    public IMeshCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _server = await SandboxServer.StartAsync(Path.Combine(_root, "sandbox.db"), 0, new IstioValidator(), null, CancellationToken.None);
        var kubeconfig = Path.Combine(_root, SandboxKubeconfig.FileName);
        SandboxKubeconfig.Write(kubeconfig, _server.Endpoint);
        Kubectl = new KubectlRunner(kubeconfig, Path.Combine(_root, "kubectl-cache"));
        Cluster = new KubernetesMeshCluster(new FixedConnection(new Kubernetes(_server.Endpoint.ToClientConfiguration())));
    }

    /// <summary>A learner namespace no other test uses, created (and seeded with Bookinfo) through kubectl.</summary>
    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var ns = $"learn-{prefix}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";
        var result = await Kubectl.RunAsync($"create namespace {ns}");
        Assert.True(result.ExitCode == 0, result.ToString());
        return ns;
    }

    /// <summary>
    /// Seeds the version Services of Istio's bookinfo-versions.yaml (reviews-v1 selects app=reviews,version=v1, ...),
    /// through the sandbox's seeding path: Services are not writable by clients on this branch.
    /// </summary>
    public void SeedVersionServices(string ns)
    {
        foreach (var (app, version) in new[] { ("reviews", "v1"), ("reviews", "v2"), ("reviews", "v3"), ("productpage", "v1"), ("ratings", "v1"), ("details", "v1") })
        {
            _server!.Api.Seed(new SeededObject(ResourceKinds.Service, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Service",
                ["metadata"] = new JsonObject { ["name"] = $"{app}-{version}", ["namespace"] = ns },
                ["spec"] = new JsonObject
                {
                    ["type"] = "ClusterIP",
                    ["selector"] = new JsonObject { ["app"] = app, ["version"] = version },
                    ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 9080, ["protocol"] = "TCP", ["targetPort"] = 9080 }),
                },
            }));
        }
    }

    /// <summary>kubectl apply -f - of <paramref name="yaml"/> in <paramref name="ns"/>.</summary>
    public Task<KubectlResult> ApplyAsync(string ns, string yaml, string extra = "") => Kubectl.RunAsync($"apply -n {ns} {extra} -f -", yaml);

    /// <summary>One jsonpath read of one object.</summary>
    public async Task<string> JsonPathAsync(string ns, string resource, string path)
    {
        var result = await Kubectl.RunAsync(["get", resource, "-n", ns, "-o", $"jsonpath={path}"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
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
