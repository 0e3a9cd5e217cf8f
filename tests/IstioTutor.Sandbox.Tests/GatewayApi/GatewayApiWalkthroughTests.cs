using IstioTutor.Sandbox.Tests.Exec;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.GatewayApi;

/// <summary>
/// istio.io's request-routing, traffic-shifting and ingress tasks on their "Gateway API" tab, end to end: the learner
/// creates the objects with the real kubectl, the status controller, the workload runtime, the simulated shell's curl
/// and the simulator's HTTPRoute routing all answer together.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class GatewayApiWalkthroughTests(SandboxFixture fixture)
{
    private const string Curl = "deploy/curl";
    private const string BlackStar = "glyphicon glyphicon-star";

    [KubectlFact]
    public async Task Learner_created_version_services_and_a_reviews_v1_route_give_no_stars_ten_times_in_a_row()
    {
        var shell = await ShellWithVersionServicesAsync("gwv1");
        await shell.ApplyAsync(ReviewsRoute("""
              - backendRefs:
                - name: reviews-v1
                  port: 9080
            """));

        var result = await shell.ExecAsync(Curl, "sh", "-c",
            "for i in $(seq 1 10); do curl -s productpage:9080/productpage | grep -c 'Book Reviews'; curl -s productpage:9080/productpage | grep -c 'glyphicon-star'; done");

        Assert.True(result.ExitCode == 0 || result.ExitCode == 1, result.ToString());
        var counts = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, counts.Length);
        Assert.All(counts.Where((_, i) => i % 2 == 0), c => Assert.Equal("1", c));
        Assert.All(counts.Where((_, i) => i % 2 == 1), c => Assert.Equal("0", c));
    }

    [KubectlFact]
    public async Task A_header_match_for_jason_signed_in_by_cookie_gives_black_stars_and_others_none()
    {
        var shell = await ShellWithVersionServicesAsync("gwjason");
        await shell.ApplyAsync(ReviewsRoute("""
              - matches:
                - headers:
                  - name: end-user
                    value: jason
                backendRefs:
                - name: reviews-v2
                  port: 9080
              - backendRefs:
                - name: reviews-v1
                  port: 9080
            """));

        var jason = await shell.ExecAsync(Curl, "sh", "-c",
            "curl -s -c cookies.txt -d 'username=jason&passwd=any' -o /dev/null productpage:9080/login && curl -s -b cookies.txt productpage:9080/productpage");
        var anonymous = await shell.ExecAsync(Curl, "curl", "-s", "productpage:9080/productpage");

        Assert.True(jason.ExitCode == 0, jason.ToString());
        Assert.Contains("jason</p>", jason.Stdout, StringComparison.Ordinal);
        Assert.Contains("text-black-500", jason.Stdout, StringComparison.Ordinal);
        Assert.Contains(BlackStar, jason.Stdout, StringComparison.Ordinal);
        Assert.True(anonymous.ExitCode == 0, anonymous.ToString());
        Assert.DoesNotContain(BlackStar, anonymous.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task A_50_50_backendRef_weight_splits_200_curls_in_one_shell_loop_within_ten_percent()
    {
        var shell = await ShellWithVersionServicesAsync("gwshift");
        await shell.ApplyAsync(ReviewsRoute("""
              - backendRefs:
                - name: reviews-v1
                  port: 9080
                  weight: 50
                - name: reviews-v3
                  port: 9080
                  weight: 50
            """));

        var result = await shell.ExecAsync(Curl, "sh", "-c",
            "for i in $(seq 1 200); do curl -s productpage:9080/productpage | grep -c 'gap-x-1 text-red-500'; done");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 200, result.ToString());
        var red = lines.Count(l => l != "0");
        Assert.InRange(red, 80, 120);
    }

    [KubectlFact]
    public async Task The_bookinfo_gateway_is_programmed_and_its_generated_service_serves_productpage_to_a_pod()
    {
        var shell = await ShellWithVersionServicesAsync("gwingress");
        await shell.ApplyAsync(BookinfoGatewayApi.Gateway);

        var wait = await shell.RunAsync("wait", "--for=condition=programmed", "gtw/bookinfo-gateway", "--timeout=20s");
        var page = await shell.ExecAsync(Curl, "curl", "-s", "bookinfo-gateway-istio/productpage");
        var missing = await shell.ExecAsync(Curl, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "bookinfo-gateway-istio/nothing-routes-here");

        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Contains("condition met", wait.Stdout, StringComparison.Ordinal);
        Assert.True(page.ExitCode == 0, page.ToString());
        Assert.Contains("<title>Simple Bookstore App</title>", page.Stdout, StringComparison.Ordinal);
        Assert.Equal("404", missing.Stdout);
    }

    [KubectlFact]
    public async Task A_curl_to_istio_ingressgateway_is_routed_by_the_istio_api_gateway_and_its_virtual_service()
    {
        var shell = await ShellWithVersionServicesAsync("gwclassic");
        await shell.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: bookinfo-gateway
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: bookinfo
            spec:
              hosts: ["*"]
              gateways: [bookinfo-gateway]
              http:
              - match:
                - uri: {exact: /productpage}
                route:
                - destination: {host: productpage, port: {number: 9080}}
            """);

        var page = await shell.ExecAsync(Curl, "curl", "-s", "istio-ingressgateway.istio-system/productpage");
        var unrouted = await shell.ExecAsync(Curl, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "istio-ingressgateway.istio-system/elsewhere");

        Assert.True(page.ExitCode == 0, page.ToString());
        Assert.Contains("<title>Simple Bookstore App</title>", page.Stdout, StringComparison.Ordinal);
        Assert.Equal("404", unrouted.Stdout);
    }

    [KubectlFact]
    public async Task Get_gtw_prints_class_address_and_programmed()
    {
        var shell = await ShellWithVersionServicesAsync("gwget");
        await shell.ApplyAsync(BookinfoGatewayApi.Gateway);
        var wait = await shell.RunAsync("wait", "--for=condition=programmed", "gtw/bookinfo-gateway", "--timeout=20s");
        Assert.True(wait.ExitCode == 0, wait.ToString());

        var result = await shell.RunAsync("get", "gtw");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "CLASS", "ADDRESS", "PROGRAMMED", "AGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bookinfo-gateway", row[0]);
        Assert.Equal("istio", row[1]);
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", row[2]);
        Assert.Equal("True", row[3]);
    }

    [KubectlFact]
    public async Task Explain_httproutes_spec_rules_describes_backendRefs_and_matches()
    {
        var shell = await PodShell.CreateAsync(fixture, "gwexplain");

        var result = await shell.RunAsync("explain", "httproutes.spec.rules");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("KIND:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("HTTPRoute", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("backendRefs", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("matches", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A learner namespace with Bookinfo, a curl pod like samples/curl, and the version Services created through kubectl.</summary>
    private async Task<PodShell> ShellWithVersionServicesAsync(string prefix)
    {
        var shell = await PodShell.CreateAsync(fixture, prefix);
        await shell.ApplyAsync(VersionServices);
        await shell.ApplyAsync(Samples.Curl());
        return shell;
    }

    /// <summary>The HTTPRoute of istio.io's Gateway API tab: parentRef to the reviews Service, written as the task writes it.</summary>
    private static string ReviewsRoute(string rules) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: reviews
        spec:
          parentRefs:
          - group: ""
            kind: Service
            name: reviews
            port: 9080
          rules:
        {rules}
        """;

    /// <summary>The Services of Istio's samples/bookinfo/platform/kube/bookinfo-versions.yaml, written for these tests.</summary>
    private static string VersionServices => string.Join("---\n",
        new[] { ("reviews", "v1"), ("reviews", "v2"), ("reviews", "v3"), ("productpage", "v1"), ("ratings", "v1"), ("details", "v1") }.Select(s => $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {s.Item1}-{s.Item2}
            spec:
              ports:
              - port: 9080
                name: http
              selector:
                app: {s.Item1}
                version: {s.Item2}

            """));
}
