using System.Diagnostics;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Exec;

/// <summary><c>kubectl logs</c>: the apps' own lines, and istio-proxy's access log while (and only while) it is on.</summary>
[Collection(SandboxCollection.Name)]
public sealed class LogsTests(SandboxFixture fixture)
{
    private const string AccessLogsOn = """
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: access-logs
        spec:
          accessLogging:
          - providers:
            - name: envoy
        """;

    [KubectlFact]
    public async Task Access_log_lines_appear_on_both_sidecars_while_Telemetry_turns_them_on()
    {
        var shell = await PodShell.CreateAsync(fixture, "lon");
        await shell.ApplyAsync(AccessLogsOn);

        var curl = await shell.ExecAsync("deploy/ratings-v1", "curl", "-s", "-o", "/dev/null", "details:9080/details/0");
        var client = await shell.RunAsync("logs", "deploy/ratings-v1", "-c", "istio-proxy", "--tail=1");
        var server = await shell.RunAsync("logs", "deploy/details-v1", "-c", "istio-proxy", "--tail=1");

        Assert.True(curl.ExitCode == 0, curl.ToString());
        Assert.Matches("""^\[\d{4}-\d\d-\d\dT[\d:.]+Z\] "GET /details/0 HTTP/1.1" 200 - via_upstream - "-" 0 178 \d+ \d+ "-" "curl/8.16.0" "[0-9a-f-]{36}" "details:9080" "[\d.]+:9080" outbound\|9080\|\|details\.""", client.Stdout);
        Assert.Contains(" inbound|9080|| 127.0.0.6:", server.Stdout, StringComparison.Ordinal);
        Assert.Contains(" outbound_.9080_._.details." + shell.Namespace + ".svc.cluster.local default", server.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task No_access_log_lines_are_written_while_logging_is_off()
    {
        var shell = await PodShell.CreateAsync(fixture, "loff");

        await shell.ExecAsync("deploy/ratings-v1", "curl", "-s", "-o", "/dev/null", "details:9080/details/0");
        var logs = await shell.RunAsync("logs", "deploy/ratings-v1", "-c", "istio-proxy");

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains("Envoy proxy is ready", logs.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"GET ", logs.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task The_apps_own_calls_share_one_request_id_across_the_chain()
    {
        var shell = await PodShell.CreateAsync(fixture, "lchain");
        await shell.ApplyAsync(AccessLogsOn);

        await shell.ExecAsync("deploy/ratings-v1", "curl", "-s", "-o", "/dev/null", "productpage:9080/productpage");
        var productpage = await shell.RunAsync("logs", "deploy/productpage-v1", "-c", "istio-proxy", "--tail=3");

        var ids = productpage.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('"')[7]).Distinct().ToList();
        Assert.Contains("\"GET /details/0 HTTP/1.1\"", productpage.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"GET /reviews/0 HTTP/1.1\"", productpage.Stdout, StringComparison.Ordinal);
        Assert.Single(ids);
    }

    [KubectlFact]
    public async Task Logs_of_the_app_container_show_its_request_lines()
    {
        var shell = await PodShell.CreateAsync(fixture, "lapp");

        await shell.ExecAsync("deploy/ratings-v1", "curl", "-s", "-o", "/dev/null", "productpage:9080/productpage");
        var logs = await shell.RunAsync("logs", "deploy/productpage-v1", "--tail=1");

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Matches("""^INFO:werkzeug:127\.0\.0\.6 - - \[[^\]]+\] "GET /productpage HTTP/1\.1" 200 -\n$""", logs.Stdout);
    }

    [KubectlFact]
    public async Task Logs_of_a_container_the_pod_lacks_is_refused_as_a_cluster_would()
    {
        var shell = await PodShell.CreateAsync(fixture, "lbad");

        var logs = await shell.RunAsync("logs", "deploy/ratings-v1", "-c", "nginx");

        Assert.NotEqual(0, logs.ExitCode);
        Assert.Contains("container nginx is not valid for pod ratings-v1-", logs.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Logs_follow_streams_a_line_written_after_it_started()
    {
        var shell = await PodShell.CreateAsync(fixture, "lfollow");
        var start = new ProcessStartInfo(KubectlRunner.Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--kubeconfig", fixture.KubeconfigPath, "--cache-dir", fixture.KubectlCacheDir, "-n", shell.Namespace, "logs", "-f", "--tail=0", "deploy/details-v1" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        using var follow = Process.Start(start)!;
        try
        {
            var line = follow.StandardOutput.ReadLineAsync();
            await Task.Delay(1500);
            await shell.ExecAsync("deploy/ratings-v1", "curl", "-s", "details:9080/details/0");

            var first = await line.WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Contains("\"GET /details/0 HTTP/1.1\" 200 178", first, StringComparison.Ordinal);
        }
        finally
        {
            follow.Kill();
        }
    }
}
