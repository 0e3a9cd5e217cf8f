using IstioTutor.Sandbox.Tests.Exec;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Ambient;

/// <summary>istio.io's Envoy access-logs task: Telemetry turns logging on, and a curl from a learner's own pod shows on the server's sidecar.</summary>
[Collection(SandboxCollection.Name)]
public sealed class AccessLogWalkthroughTests(SandboxFixture fixture)
{
    [KubectlFact]
    public async Task A_curl_from_the_learners_pod_shows_as_an_inbound_line_on_productpages_sidecar()
    {
        var shell = await PodShell.CreateAsync(fixture, "alog");
        await shell.ApplyAsync(Samples.Curl());
        await shell.ApplyAsync("""
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata:
              name: mesh-logs
            spec:
              accessLogging:
              - providers:
                - name: envoy
            """);

        var curl = await shell.ExecAsync("deploy/curl", "curl", "-s", "-o", "/dev/null", "productpage:9080/productpage");
        var logs = await shell.RunAsync("logs", "deploy/productpage-v1", "-c", "istio-proxy");

        Assert.True(curl.ExitCode == 0, curl.ToString());
        Assert.True(logs.ExitCode == 0, logs.ToString());
        var inbound = Assert.Single(logs.Stdout.Split('\n'), l => l.Contains("\"GET /productpage HTTP/1.1\" 200", StringComparison.Ordinal));
        Assert.Contains("\"curl/8.16.0\"", inbound, StringComparison.Ordinal);
        Assert.Contains(" inbound|9080|| 127.0.0.6:", inbound, StringComparison.Ordinal);
        Assert.Contains(" outbound_.9080_._.productpage." + shell.Namespace + ".svc.cluster.local default", inbound, StringComparison.Ordinal);
    }
}
