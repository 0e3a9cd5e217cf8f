using System.ComponentModel.DataAnnotations;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Hosting;
using IstioTutor.Sandbox.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IstioTutor.Sandbox.Tests.Client;

/// <summary>The real-cluster path (<c>Mesh:Mode = kubeconfig</c>) and the options that select it.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KubeconfigModeTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Kubeconfig_mode_reaches_the_cluster_named_in_the_file()
    {
        using var provider = Provider(new() { ["Mesh:Mode"] = "kubeconfig", ["Mesh:Kubeconfig"] = fixture.KubeconfigPath, ["Mesh:Context"] = SandboxKubeconfig.ContextName });
        var cluster = provider.GetRequiredService<IMeshCluster>();

        var gateway = await cluster.GetAsync(ResourceKinds.Service, MeshSnapshot.RootNamespace, "istio-ingressgateway", CancellationToken.None);

        Assert.False(cluster.IsSimulated);
        Assert.Contains($"kubernetes cluster (context {SandboxKubeconfig.ContextName}", cluster.Description);
        Assert.NotNull(gateway);
    }

    [Fact]
    public async Task Kubeconfig_mode_snapshots_the_root_namespace_gateway_workloads()
    {
        using var provider = Provider(new() { ["Mesh:Mode"] = "kubeconfig", ["Mesh:Kubeconfig"] = fixture.KubeconfigPath, ["Mesh:Context"] = SandboxKubeconfig.ContextName });
        var cluster = provider.GetRequiredService<IMeshCluster>();
        var ns = fixture.NewNamespace();
        await cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var snapshot = await cluster.SnapshotAsync(ns, CancellationToken.None);

        Assert.Contains(snapshot.RootNamespacePods, p => (string?)p["metadata"]!["labels"]!["istio"] == "ingressgateway");
    }

    [Fact]
    public void Kubeconfig_mode_with_a_missing_file_fails_at_start_naming_the_key()
    {
        using var provider = Provider(new() { ["Mesh:Mode"] = "kubeconfig", ["Mesh:Kubeconfig"] = "/nonexistent/kubeconfig" });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MeshOptions>>().Value);

        Assert.Contains("Mesh:Kubeconfig", e.Message);
        Assert.Contains("/nonexistent/kubeconfig", e.Message);
    }

    [Fact]
    public async Task Embedded_mode_is_the_default_and_serves_the_sandbox()
    {
        using var provider = Provider(new() { ["Tutor:DataDirectory"] = Path.Combine(fixture.Data.Path, "embedded-default") }, embedded: true);
        var cluster = provider.GetRequiredService<IMeshCluster>();

        var pods = await cluster.ListAsync(ResourceKinds.Pod, MeshSnapshot.RootNamespace, null, CancellationToken.None);

        Assert.True(cluster.IsSimulated);
        Assert.Equal(2, pods.Count);
    }

    [Fact]
    public void Embedded_mode_without_the_sandbox_registered_says_how_to_fix_it()
    {
        using var provider = Provider([]);

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IMeshCluster>());

        Assert.Contains("AddEmbeddedSandbox()", e.Message);
    }

    [Fact]
    public void Unknown_mode_is_rejected_by_the_binder()
    {
        using var provider = Provider(new() { ["Mesh:Mode"] = "minikube" });

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<MeshOptions>>().Value);
    }

    [Fact]
    public void Options_validation_accepts_an_existing_kubeconfig()
    {
        var options = new MeshOptions { Mode = MeshMode.Kubeconfig, Kubeconfig = fixture.KubeconfigPath };

        Assert.Empty(options.Validate(new ValidationContext(options)));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings, bool embedded = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddMesh(configuration);
        if (embedded)
        {
            services.AddSingleton(new DataDirectory((string)settings["Tutor:DataDirectory"]!));
            services.AddEmbeddedSandbox();
        }

        return services.BuildServiceProvider();
    }
}
