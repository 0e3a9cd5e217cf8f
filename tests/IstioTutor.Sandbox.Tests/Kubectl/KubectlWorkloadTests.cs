using System.Text.Json.Nodes;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>Learners' own Deployments, Services and ServiceAccounts run as pods, injected as Istio injects them.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KubectlWorkloadTests(SandboxFixture fixture)
{
    private readonly KubectlRunner _kubectl = new(fixture);

    private async Task<string> PodLineAsync(string ns, string app)
    {
        var result = await _kubectl.RunAsync($"get pods -n {ns} -l app={app} --no-headers");
        Assert.True(result.ExitCode == 0, result.ToString());
        return Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [KubectlFact]
    public async Task Applying_a_curl_sample_in_an_injected_namespace_gives_a_2_of_2_running_pod()
    {
        var ns = fixture.NewNamespace("wcurl");

        var applied = await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl());
        var line = await PodLineAsync(ns, "curl");
        var pod = JsonNode.Parse((await _kubectl.RunAsync($"get pods -n {ns} -l app=curl -o json")).Stdout)!["items"]![0]!;

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains("serviceaccount/curl created", applied.Stdout);
        Assert.Contains("service/curl created", applied.Stdout);
        Assert.Contains("deployment.apps/curl created", applied.Stdout);
        Assert.Matches(@"^curl-\w{10}-\w{5}\s+2/2\s+Running\s+0\s+", line);
        Assert.Equal(["curl", "istio-proxy"], pod["spec"]!["containers"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal("curl", (string?)pod["spec"]!["serviceAccountName"]);
        Assert.Equal("istio", (string?)pod["metadata"]!["labels"]!["security.istio.io/tlsMode"]);
        Assert.Contains(pod["status"]!["conditions"]!.AsArray(), c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True");
    }

    [KubectlFact]
    public async Task A_namespace_with_injection_disabled_runs_the_sample_without_a_sidecar()
    {
        var ns = fixture.NewNamespace("wplain");
        await _kubectl.RunAsync("apply -f -", Samples.Namespace(ns, "istio-injection: disabled"));

        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl());

        Assert.Matches(@"^curl-\w+-\w+\s+1/1\s+Running\s+", await PodLineAsync(ns, "curl"));
    }

    [KubectlFact]
    public async Task An_ambient_namespace_gets_no_sidecar()
    {
        var ns = "ambient-" + Guid.NewGuid().ToString("N")[..8];
        await _kubectl.RunAsync("apply -f -", Samples.Namespace(ns, "istio.io/dataplane-mode: ambient"));

        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl());

        Assert.Matches(@"^curl-\w+-\w+\s+1/1\s+Running\s+", await PodLineAsync(ns, "curl"));
    }

    [KubectlFact]
    public async Task A_pod_label_sidecar_inject_false_opts_out_of_injection()
    {
        var ns = fixture.NewNamespace("woptout");

        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl(podLabels: "\n        sidecar.istio.io/inject: \"false\""));

        Assert.Matches(@"^curl-\w+-\w+\s+1/1\s+Running\s+", await PodLineAsync(ns, "curl"));
    }

    [KubectlFact]
    public async Task An_unknown_image_is_kept_inert_with_a_warning_event_naming_why()
    {
        var ns = fixture.NewNamespace("winert");

        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl("web", "nginx:1.27"));
        var line = await PodLineAsync(ns, "web");
        var events = await _kubectl.RunAsync($"get events -n {ns} --field-selector type=Warning");
        var deploy = await _kubectl.RunAsync($"get deploy web -n {ns} --no-headers");

        Assert.Matches(@"^web-\w+-\w+\s+1/2\s+ImageNotSimulated\s+0\s+", line);
        Assert.Contains("cannot run image \"nginx:1.27\"", events.Stdout);
        Assert.Matches(@"^web\s+0/1\s+1\s+0\s+", deploy.Stdout);
    }

    [KubectlFact]
    public async Task Scaling_adds_pods_and_deleting_the_deployment_removes_them()
    {
        var ns = fixture.NewNamespace("wscale");
        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl());

        var scaled = await _kubectl.RunAsync($"scale deploy/curl -n {ns} --replicas=3");
        var three = await _kubectl.RunAsync($"get pods -n {ns} -l app=curl --no-headers");
        var deployment = await _kubectl.RunAsync($"get deploy curl -n {ns} --no-headers");
        var deleted = await _kubectl.RunAsync($"delete deploy curl -n {ns}");
        var none = await _kubectl.RunAsync($"get pods -n {ns} -l app=curl");

        Assert.True(scaled.ExitCode == 0, scaled.ToString());
        Assert.Contains("deployment.apps/curl scaled", scaled.Stdout);
        Assert.Equal(3, three.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches(@"^curl\s+3/3\s+3\s+3\s+", deployment.Stdout);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("No resources found", none.Stderr);
    }

    [KubectlFact]
    public async Task A_configmap_can_be_applied_and_listed_with_its_data_count()
    {
        var ns = fixture.NewNamespace("wcm");

        var applied = await _kubectl.RunAsync($"apply -n {ns} -f -", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              a: "1"
              b: "2"

            """);
        var listed = await _kubectl.RunAsync($"get cm -n {ns}");

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Matches(@"settings\s+2\s+\d+s", listed.Stdout);
    }

    [KubectlFact]
    public async Task A_deployment_whose_selector_does_not_match_its_template_is_invalid()
    {
        var ns = fixture.NewNamespace("wbad");
        var manifest = Samples.Curl().Replace("matchLabels:\n      app: curl", "matchLabels:\n      app: other", StringComparison.Ordinal);

        var result = await _kubectl.RunAsync($"apply -n {ns} -f -", manifest);

        Assert.Contains("app: other", manifest, StringComparison.Ordinal);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Deployment \"curl\" is invalid: spec.template.metadata.labels", result.Stderr);
    }

    [KubectlFact]
    public async Task Deleting_a_pod_of_a_learners_deployment_brings_a_replacement()
    {
        var ns = fixture.NewNamespace("wrepl");
        await _kubectl.RunAsync($"apply -n {ns} -f -", Samples.Curl());
        var before = (await _kubectl.RunAsync($"get pods -n {ns} -l app=curl -o name")).Stdout.Trim();

        var deleted = await _kubectl.RunAsync($"delete {before} -n {ns}");
        var after = await PodLineAsync(ns, "curl");

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains($"{before} deleted", deleted.Stdout.Replace("\"", "", StringComparison.Ordinal).Replace("pod ", "pod/", StringComparison.Ordinal));
        Assert.Matches(@"^curl-\w+-\w+\s+2/2\s+Running\s+", after);
        Assert.DoesNotContain(before["pod/".Length..], after);
    }

    [KubectlFact]
    public async Task A_seeded_deployment_may_be_restarted_and_labelled_but_its_image_stays_read_only()
    {
        var ns = fixture.NewNamespace("wseeded");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var restart = await _kubectl.RunAsync($"rollout restart deploy/ratings-v1 -n {ns}");
        var label = await _kubectl.RunAsync($"label deploy/ratings-v1 -n {ns} team=bookinfo");
        var image = await _kubectl.RunAsync($"set image deploy/ratings-v1 -n {ns} ratings=nginx");

        Assert.True(restart.ExitCode == 0, restart.ToString());
        Assert.True(label.ExitCode == 0, label.ToString());
        Assert.NotEqual(0, image.ExitCode);
        Assert.Contains("seeded read-only", image.Stderr, StringComparison.Ordinal);
    }
}
