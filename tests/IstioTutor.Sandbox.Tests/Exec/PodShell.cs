using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Exec;

/// <summary>The real kubectl in one learner namespace: apply YAML, exec into a deployment, read logs — as istio.io's tasks do.</summary>
internal sealed class PodShell(SandboxFixture fixture, string ns)
{
    private readonly KubectlRunner _kubectl = new(fixture);

    public string Namespace => ns;

    public static async Task<PodShell> CreateAsync(SandboxFixture fixture, string prefix)
    {
        var shell = new PodShell(fixture, fixture.NewNamespace(prefix));
        await fixture.Cluster.EnsureNamespaceAsync(shell.Namespace, CancellationToken.None);
        return shell;
    }

    public async Task ApplyAsync(string yaml)
    {
        var result = await _kubectl.RunArgumentsAsync(["apply", "-n", ns, "-f", "-"], yaml);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary><c>kubectl exec -n NS TARGET [-c CONTAINER] -- COMMAND...</c>.</summary>
    public Task<KubectlResult> ExecAsync(string target, params string[] command) => ExecInAsync(target, null, command);

    public Task<KubectlResult> ExecInAsync(string target, string? container, params string[] command) =>
        _kubectl.RunArgumentsAsync(["exec", "-n", ns, target, .. container is null ? Array.Empty<string>() : ["-c", container], "--", .. command]);

    public Task<KubectlResult> RunAsync(params string[] arguments) => _kubectl.RunArgumentsAsync(["-n", ns, .. arguments]);

    public const string Subsets = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
          - name: v3
            labels: {version: v3}
        """;
}
