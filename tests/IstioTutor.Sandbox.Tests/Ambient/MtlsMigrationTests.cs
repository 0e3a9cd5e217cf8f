using IstioTutor.Sandbox.Tests.Exec;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Ambient;

/// <summary>
/// istio.io's mutual TLS migration task: a curl pod in a namespace without injection calls an injected httpbin,
/// first under PERMISSIVE, then after the namespace turns STRICT; an injected curl pod keeps working throughout.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class MtlsMigrationTests(SandboxFixture fixture)
{
    private const string HttpbinUrl = "http://httpbin:8000/ip";

    /// <summary>
    /// httpbin and an injected curl, plus "legacy": a curl whose pod opts out of injection. istio.io puts it in a
    /// namespace without injection; the sandbox serves each learner one namespace, so the opt-out label stands in.
    /// </summary>
    private async Task<PodShell> HttpbinWithLegacyClientAsync(string prefix)
    {
        var shell = await PodShell.CreateAsync(fixture, prefix);
        await shell.ApplyAsync(Httpbin);
        await shell.ApplyAsync(Samples.Curl());
        await shell.ApplyAsync(Samples.Curl("legacy", podLabels: "\n        sidecar.istio.io/inject: \"false\""));
        return shell;
    }

    private static Task<KubectlResult> StatusAsync(PodShell shell, string client) =>
        shell.ExecAsync(client, "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", HttpbinUrl);

    [KubectlFact]
    public async Task The_legacy_curl_pod_runs_without_a_sidecar_beside_an_injected_httpbin()
    {
        var shell = await HttpbinWithLegacyClientAsync("mpods");

        var legacy = await shell.RunAsync("get", "pods", "-l", "app=legacy", "--no-headers");
        var httpbin = await shell.RunAsync("get", "pods", "-l", "app=httpbin", "--no-headers");

        Assert.Matches(@"^legacy-\S+\s+1/1\s+Running\s+", legacy.Stdout);
        Assert.Matches(@"^httpbin-\S+\s+2/2\s+Running\s+", httpbin.Stdout);
    }

    [KubectlFact]
    public async Task PERMISSIVE_answers_plaintext_from_a_pod_without_a_sidecar()
    {
        var shell = await HttpbinWithLegacyClientAsync("mperm");
        await shell.ApplyAsync(PeerAuthentication("PERMISSIVE"));

        var plaintext = await StatusAsync(shell, "deploy/legacy");

        Assert.True(plaintext.ExitCode == 0, plaintext.ToString());
        Assert.Equal("200", plaintext.Stdout);
    }

    [KubectlFact]
    public async Task STRICT_resets_plaintext_from_a_pod_without_a_sidecar_with_curl_exit_56()
    {
        var shell = await HttpbinWithLegacyClientAsync("mstrict");
        await shell.ApplyAsync(PeerAuthentication("STRICT"));

        var plaintext = await StatusAsync(shell, "deploy/legacy");

        Assert.Equal(56, plaintext.ExitCode);
        Assert.Contains("curl: (56) Recv failure: Connection reset by peer", plaintext.Stderr, StringComparison.Ordinal);
        Assert.Contains("command terminated with exit code 56", plaintext.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task STRICT_still_answers_an_injected_curl_pod_over_mutual_TLS()
    {
        var shell = await HttpbinWithLegacyClientAsync("mmeshed");
        await shell.ApplyAsync(PeerAuthentication("STRICT"));

        var meshed = await StatusAsync(shell, "deploy/curl");

        Assert.True(meshed.ExitCode == 0, meshed.ToString());
        Assert.Equal("200", meshed.Stdout);
    }

    private static string PeerAuthentication(string mode) => $$"""
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
        spec:
          mtls:
            mode: {{mode}}
        """;

    private const string Httpbin = """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: httpbin
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: httpbin
          labels: {app: httpbin, service: httpbin}
        spec:
          ports:
          - name: http
            port: 8000
            targetPort: 8080
          selector: {app: httpbin}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: httpbin
        spec:
          replicas: 1
          selector:
            matchLabels: {app: httpbin, version: v1}
          template:
            metadata:
              labels: {app: httpbin, version: v1}
            spec:
              serviceAccountName: httpbin
              containers:
              - name: httpbin
                image: docker.io/mccutchen/go-httpbin:v2.15.0
                ports:
                - containerPort: 8080
        """;
}
