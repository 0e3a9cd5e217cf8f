using IstioTutor.Sandbox.Tests.Exec;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Ambient;

/// <summary>
/// istio.io's ambient getting-started, retold with our own YAML: the namespace joins ambient, pods lose their sidecars,
/// ztunnel enforces L4 policy, a waypoint enforces L7 policy — all checked with the real kubectl and curl from a pod.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class AmbientWalkthroughTests(SandboxFixture fixture)
{
    private static readonly string[] ProductpageGet = ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "productpage:9080/productpage"];

    /// <summary>Bookinfo plus a curl sample, moved into ambient as the getting-started task does: label, then restart.</summary>
    private async Task<PodShell> AmbientBookinfoAsync(string prefix)
    {
        var shell = await PodShell.CreateAsync(fixture, prefix);
        await shell.ApplyAsync(Samples.Curl());
        await shell.ApplyAsync(Samples.Curl("notcurl"));
        await MustAsync(shell.RunAsync("label", "namespace", shell.Namespace, "istio-injection-", "istio.io/dataplane-mode=ambient", "--overwrite"));
        await MustAsync(shell.RunAsync("rollout", "restart", "deploy"));
        return shell;
    }

    private static async Task<KubectlResult> MustAsync(Task<KubectlResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    [KubectlFact]
    public async Task Labelling_a_namespace_ambient_and_restarting_leaves_every_pod_1_of_1()
    {
        var shell = await AmbientBookinfoAsync("aready");

        var pods = await MustAsync(shell.RunAsync("get", "pods", "--no-headers"));

        var lines = pods.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("productpage-v1-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("curl-", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"^\S+\s+1/1\s+Running\s+", l));
    }

    [KubectlFact]
    public async Task Productpage_still_answers_its_title_from_an_ambient_curl_pod()
    {
        var shell = await AmbientBookinfoAsync("atitle");

        var result = await shell.ExecAsync("deploy/curl", "curl", "-s", "productpage:9080/productpage");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<title>Simple Bookstore App</title>", result.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task An_L4_policy_admits_the_curl_principal_and_resets_any_other_workload()
    {
        var shell = await AmbientBookinfoAsync("al4");
        await shell.ApplyAsync($"""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: productpage-l4
            spec:
              selector:
                matchLabels: {"{"}app: productpage{"}"}
              action: ALLOW
              rules:
              - from:
                - source:
                    principals: [cluster.local/ns/{shell.Namespace}/sa/curl]
            """);

        var allowed = await shell.ExecAsync("deploy/curl", ProductpageGet);
        var other = await shell.ExecAsync("deploy/notcurl", "curl", "-sS", "productpage:9080/productpage");

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Equal("200", allowed.Stdout);
        Assert.Equal(56, other.ExitCode);
        Assert.Contains("curl: (56) Recv failure: Connection reset by peer", other.Stderr, StringComparison.Ordinal);
        Assert.Contains("command terminated with exit code 56", other.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task A_waypoint_enforces_an_L7_policy_that_allows_GET_and_denies_DELETE_with_403()
    {
        var shell = await AmbientBookinfoAsync("awaypoint");
        await shell.ApplyAsync(Waypoint);
        await MustAsync(shell.RunAsync("label", "service", "productpage", "istio.io/use-waypoint=waypoint"));
        await shell.ApplyAsync(GetOnlyThroughWaypoint);

        var get = await shell.ExecAsync("deploy/curl", ProductpageGet);
        var delete = await shell.ExecAsync("deploy/curl", "curl", "-s", "-X", "DELETE", "-w", " %{http_code}", "productpage:9080/productpage");

        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Equal("200", get.Stdout);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal("RBAC: access denied 403", delete.Stdout);
    }

    [KubectlFact]
    public async Task A_namespace_enrolled_in_a_waypoint_applies_the_L7_policy_too()
    {
        var shell = await AmbientBookinfoAsync("awpns");
        await shell.ApplyAsync(Waypoint);
        await MustAsync(shell.RunAsync("label", "namespace", shell.Namespace, "istio.io/use-waypoint=waypoint"));
        await shell.ApplyAsync(GetOnlyThroughWaypoint);

        var delete = await shell.ExecAsync("deploy/curl", "curl", "-s", "-X", "DELETE", "-w", " %{http_code}", "productpage:9080/productpage");

        Assert.Equal("RBAC: access denied 403", delete.Stdout);
    }

    [KubectlFact]
    public async Task Behind_a_waypoint_the_L4_policy_admits_the_waypoint_and_the_L7_policy_judges_the_original_caller()
    {
        var shell = await AmbientBookinfoAsync("awpboth");
        await shell.ApplyAsync(Waypoint);
        await MustAsync(shell.RunAsync("label", "service", "productpage", "istio.io/use-waypoint=waypoint"));
        await shell.ApplyAsync($"""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: productpage-l4
            spec:
              selector:
                matchLabels: {"{"}app: productpage{"}"}
              action: ALLOW
              rules:
              - from:
                - source:
                    principals: [cluster.local/ns/{shell.Namespace}/sa/waypoint]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: productpage-l7
            spec:
              targetRefs:
              - kind: Service
                group: ""
                name: productpage
              action: ALLOW
              rules:
              - from:
                - source:
                    principals: [cluster.local/ns/{shell.Namespace}/sa/curl]
                to:
                - operation:
                    methods: [GET]
            """);

        var curl = await shell.ExecAsync("deploy/curl", ProductpageGet);
        var other = await shell.ExecAsync("deploy/notcurl", "curl", "-s", "-w", " %{http_code}", "productpage:9080/productpage");

        Assert.Equal("200", curl.Stdout);
        Assert.Equal("RBAC: access denied 403", other.Stdout);
    }

    [KubectlFact]
    public async Task The_waypoint_runs_as_its_own_deployment_in_the_namespace()
    {
        var shell = await AmbientBookinfoAsync("awpdeploy");
        await shell.ApplyAsync(Waypoint);

        var gateway = await MustAsync(shell.RunAsync("get", "gateway", "waypoint", "--no-headers"));
        var pods = await MustAsync(shell.RunAsync("get", "pods", "-l", "gateway.networking.k8s.io/gateway-name=waypoint", "--no-headers"));

        Assert.Matches(@"^waypoint\s+istio-waypoint\s+\S+\s+True\s+", gateway.Stdout);
        Assert.Matches(@"^waypoint-\S+\s+1/1\s+Running\s+", pods.Stdout);
    }

    [KubectlFact]
    public async Task An_ambient_pod_has_no_istio_proxy_container_to_read_logs_from()
    {
        var shell = await AmbientBookinfoAsync("alogs");

        var logs = await shell.RunAsync("logs", "deploy/productpage-v1", "-c", "istio-proxy");

        Assert.NotEqual(0, logs.ExitCode);
        Assert.Contains("container istio-proxy is not valid for pod productpage-v1-", logs.Stderr, StringComparison.Ordinal);
    }

    private const string Waypoint = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: waypoint
          labels:
            istio.io/waypoint-for: service
        spec:
          gatewayClassName: istio-waypoint
          listeners:
          - name: mesh
            port: 15008
            protocol: HBONE
        """;

    private const string GetOnlyThroughWaypoint = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: productpage-get-only
        spec:
          targetRefs:
          - kind: Service
            group: ""
            name: productpage
          action: ALLOW
          rules:
          - to:
            - operation:
                methods: [GET]
        """;
}
