using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>Watches as kubectl uses them: get -w, wait (condition, delete, jsonpath) and rollout status.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KubectlWatchTests(SandboxFixture fixture)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private readonly KubectlRunner _kubectl = new(fixture);

    private static string Vs(string name, string subset) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
        spec:
          hosts: [{name}]
          http:
          - route:
            - destination:
                host: {name}
                subset: {subset}

        """;

    [KubectlFact]
    public async Task Get_watch_prints_an_object_applied_while_it_runs()
    {
        var ns = fixture.NewNamespace("wget");
        await _kubectl.RunAsync($"apply -n {ns} -f -", Vs("reviews", "v1"));
        using var watch = new KubectlBackground(fixture, $"get vs -n {ns} -w");
        Assert.True(await watch.WaitForAsync("reviews", Within), watch.Stdout);

        var applied = await _kubectl.RunAsync($"apply -n {ns} -f -", Vs("ratings", "v1"));

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.True(await watch.WaitForAsync("ratings", Within), watch.Stdout);
        Assert.Single(watch.Stdout.Split('\n'), l => l.StartsWith("NAME", StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task Wait_for_condition_available_returns_condition_met_for_a_created_deployment()
    {
        var ns = fixture.NewNamespace("wavail");
        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl());

        var result = await _kubectl.RunAsync($"wait --for=condition=Available deploy/curl -n {ns} --timeout=15s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deployment.apps/curl condition met", result.Stdout);
    }

    [KubectlFact]
    public async Task Wait_for_condition_ready_on_pods_selected_by_label_returns_for_each_pod()
    {
        var ns = fixture.NewNamespace("wready");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync($"wait --for=condition=Ready pod -l app=reviews -n {ns} --timeout=15s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith("condition met", StringComparison.Ordinal)));
    }

    [KubectlFact]
    public async Task Wait_for_delete_returns_once_the_object_is_deleted()
    {
        var ns = fixture.NewNamespace("wdel");
        await _kubectl.RunAsync($"apply -n {ns} -f -", Vs("reviews", "v1"));
        using var wait = new KubectlBackground(fixture, $"wait --for=delete vs/reviews -n {ns} --timeout=20s");
        await Task.Delay(1000);
        Assert.Null(await wait.ExitAsync(TimeSpan.Zero));

        var deleted = await _kubectl.RunAsync($"delete vs reviews -n {ns}");
        var result = await wait.ExitAsync(Within);

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.NotNull(result);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("virtualservice.networking.istio.io/reviews condition met", result.Stdout);
    }

    [KubectlFact]
    public async Task Wait_for_jsonpath_returns_when_the_field_takes_the_value()
    {
        var ns = fixture.NewNamespace("wjson");
        await _kubectl.RunAsync($"apply -n {ns} -f -", Vs("reviews", "v1"));
        using var wait = new KubectlBackground(fixture, $"wait --for=jsonpath={{.spec.http[0].route[0].destination.subset}}=v3 vs/reviews -n {ns} --timeout=20s");
        await Task.Delay(1000);
        Assert.Null(await wait.ExitAsync(TimeSpan.Zero));

        await _kubectl.RunAsync($"apply -n {ns} -f -", Vs("reviews", "v3"));
        var result = await wait.ExitAsync(Within);

        Assert.NotNull(result);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("virtualservice.networking.istio.io/reviews condition met", result.Stdout);
    }

    [KubectlFact]
    public async Task Rollout_status_reports_success_after_a_restart_replaces_the_pod()
    {
        var ns = fixture.NewNamespace("wroll");
        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl());
        var before = (await _kubectl.RunAsync($"get pods -n {ns} -l app=curl -o name")).Stdout.Trim();

        var restarted = await _kubectl.RunAsync($"rollout restart deploy/curl -n {ns}");
        var status = await _kubectl.RunAsync($"rollout status deploy/curl -n {ns} --timeout=15s");
        var after = (await _kubectl.RunAsync($"get pods -n {ns} -l app=curl -o name")).Stdout.Trim();

        Assert.True(restarted.ExitCode == 0, restarted.ToString());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("deployment \"curl\" successfully rolled out", status.Stdout);
        Assert.StartsWith("pod/curl-", after);
        Assert.NotEqual(before, after);
    }
}
