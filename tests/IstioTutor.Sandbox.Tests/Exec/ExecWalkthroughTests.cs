using System.Globalization;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Exec;

/// <summary>
/// istio.io's traffic-management and security tasks, retold with our own YAML, checked the way the tasks
/// check them: curl from a pod through <c>kubectl exec</c>, and what kubectl prints.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ExecWalkthroughTests(SandboxFixture fixture)
{
    private const string Client = "deploy/ratings-v1";

    [KubectlFact]
    public async Task Curl_from_a_pod_reads_productpage_with_its_title()
    {
        var shell = await PodShell.CreateAsync(fixture, "xtitle");

        var result = await shell.ExecAsync(Client, "curl", "-sS", "productpage:9080/productpage");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<title>Simple Bookstore App</title>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Book Details", result.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Routing_by_header_gives_the_signed_in_jason_black_stars_from_reviews_v2()
    {
        var shell = await PodShell.CreateAsync(fixture, "xjason");
        await shell.ApplyAsync(PodShell.Subsets);
        await shell.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - match:
                - headers:
                    end-user: {exact: jason}
                route:
                - destination: {host: reviews, subset: v2}
              - route:
                - destination: {host: reviews, subset: v1}
            """);

        var jason = await shell.ExecAsync(Client, "sh", "-c",
            "curl -s -c cookies.txt -d 'username=jason&passwd=any' -o /dev/null productpage:9080/login && curl -s -b cookies.txt productpage:9080/productpage");
        var anonymous = await shell.ExecAsync(Client, "curl", "-s", "productpage:9080/productpage");

        Assert.True(jason.ExitCode == 0, jason.ToString());
        Assert.Contains("text-black-500", jason.Stdout, StringComparison.Ordinal);
        Assert.Contains("glyphicon glyphicon-star", jason.Stdout, StringComparison.Ordinal);
        Assert.Contains("jason</p>", jason.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("glyphicon glyphicon-star", anonymous.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Traffic_shifting_splits_a_for_loop_of_curls_between_v1_and_v3()
    {
        var shell = await PodShell.CreateAsync(fixture, "xshift");
        await shell.ApplyAsync(PodShell.Subsets);
        await shell.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews, subset: v1}
                  weight: 50
                - destination: {host: reviews, subset: v3}
                  weight: 50
            """);

        var result = await shell.ExecAsync("deploy/productpage-v1", "sh", "-c", "for i in $(seq 1 40); do curl -s reviews:9080/reviews/0; echo; done");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(40, lines.Length);
        var red = lines.Count(l => l.Contains("\"color\":\"red\"", StringComparison.Ordinal));
        Assert.InRange(red, 8, 32);
        Assert.Equal(40 - red, lines.Count(l => !l.Contains("\"rating\"", StringComparison.Ordinal)));
    }

    [KubectlFact]
    public async Task A_fault_delay_shows_in_curls_time_total()
    {
        var shell = await PodShell.CreateAsync(fixture, "xdelay");
        await shell.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: ratings
            spec:
              hosts: [ratings]
              http:
              - fault:
                  delay:
                    percentage: {value: 100}
                    fixedDelay: 7s
                route:
                - destination: {host: ratings}
            """);

        var result = await shell.ExecAsync("deploy/reviews-v2", "curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "ratings:9080/ratings/0");

        Assert.True(result.ExitCode == 0, result.ToString());
        var parts = result.Stdout.Split(' ');
        Assert.Equal("200", parts[0]);
        Assert.InRange(double.Parse(parts[1], CultureInfo.InvariantCulture), 7.0, 7.5);
    }

    [KubectlFact]
    public async Task A_fault_abort_answers_its_status_with_Envoys_body()
    {
        var shell = await PodShell.CreateAsync(fixture, "xabort");
        await shell.ApplyAsync(AbortRatings);

        var result = await shell.ExecAsync("deploy/reviews-v2", "curl", "-s", "-w", " %{http_code}", "ratings:9080/ratings/0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("fault filter abort 500", result.Stdout);
    }

    [KubectlFact]
    public async Task Productpage_says_ratings_are_unavailable_when_ratings_aborts()
    {
        var shell = await PodShell.CreateAsync(fixture, "xratings");
        await shell.ApplyAsync(PodShell.Subsets);
        await shell.ApplyAsync(ReviewsTo("v3"));
        await shell.ApplyAsync(AbortRatings);

        var result = await shell.ExecAsync(Client, "curl", "-s", "productpage:9080/productpage");

        Assert.Contains("Ratings service is currently unavailable", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("glyphicon glyphicon-star\"", result.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task A_route_timeout_answers_504_upstream_request_timeout()
    {
        var shell = await PodShell.CreateAsync(fixture, "xtimeout");
        await shell.ApplyAsync(PodShell.Subsets);
        await shell.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews, subset: v2}
                timeout: 0.5s
            """);
        await shell.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: ratings
            spec:
              hosts: [ratings]
              http:
              - fault:
                  delay:
                    percentage: {value: 100}
                    fixedDelay: 2s
                route:
                - destination: {host: ratings}
            """);

        var direct = await shell.ExecAsync("deploy/productpage-v1", "curl", "-s", "-w", " %{http_code}", "reviews:9080/reviews/0");
        var page = await shell.ExecAsync(Client, "curl", "-s", "productpage:9080/productpage");

        Assert.Equal("upstream request timeout 504", direct.Stdout);
        Assert.Contains("Sorry, product reviews are currently unavailable for this book.", page.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Authorization_denial_reads_RBAC_access_denied_with_403()
    {
        var shell = await PodShell.CreateAsync(fixture, "xauthz");
        await shell.ApplyAsync("""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-details
            spec:
              selector:
                matchLabels: {app: details}
              action: DENY
              rules:
              - {}
            """);

        var result = await shell.ExecAsync(Client, "curl", "-s", "-w", " %{http_code}", "details:9080/details/0");
        var page = await shell.ExecAsync(Client, "curl", "-s", "productpage:9080/productpage");

        Assert.Equal("RBAC: access denied 403", result.Stdout);
        Assert.Contains("Error fetching product details", page.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task STRICT_mTLS_resets_plaintext_from_outside_the_mesh_with_curl_exit_56()
    {
        var shell = await PodShell.CreateAsync(fixture, "xstrict");
        await shell.ApplyAsync("""
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
            spec:
              mtls: {mode: STRICT}
            """);

        // A pod that opts out of injection has no sidecar: its curl goes out plaintext, as from outside the mesh.
        await shell.ApplyAsync(Samples.Curl("legacy", podLabels: LegacyPod));
        var plaintext = await shell.ExecAsync("deploy/legacy", "curl", "-sS", "details:9080/details/0");
        var meshed = await shell.ExecAsync(Client, "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "details:9080/details/0");

        Assert.Equal(56, plaintext.ExitCode);
        Assert.Contains("curl: (56) Recv failure: Connection reset by peer", plaintext.Stderr, StringComparison.Ordinal);
        Assert.Contains("command terminated with exit code 56", plaintext.Stderr, StringComparison.Ordinal);
        Assert.Equal("200", meshed.Stdout);
    }

    [KubectlFact]
    public async Task PERMISSIVE_mTLS_still_answers_plaintext_from_outside_the_mesh()
    {
        var shell = await PodShell.CreateAsync(fixture, "xpermissive");

        // The namespace's own policy decides, whatever the mesh-wide one in istio-system says (other tests set STRICT there).
        await shell.ApplyAsync("""
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
            spec:
              mtls: {mode: PERMISSIVE}
            """);

        await shell.ApplyAsync(Samples.Curl("legacy", podLabels: LegacyPod));
        var plaintext = await shell.ExecAsync("deploy/legacy", "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "details:9080/details/0");

        Assert.True(plaintext.ExitCode == 0, plaintext.ToString());
        Assert.Equal("200", plaintext.Stdout);
    }

    [KubectlFact]
    public async Task Unknown_host_and_max_time_exit_as_curl_does()
    {
        var shell = await PodShell.CreateAsync(fixture, "xexit");
        await shell.ApplyAsync("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: details
            spec:
              hosts: [details]
              http:
              - fault:
                  delay:
                    percentage: {value: 100}
                    fixedDelay: 5s
                route:
                - destination: {host: details}
            """);

        var unknown = await shell.ExecAsync(Client, "curl", "-sS", "nosuch:9080/");
        var slow = await shell.ExecAsync(Client, "curl", "-sS", "--max-time", "2", "details:9080/details/0");

        Assert.Equal(6, unknown.ExitCode);
        Assert.Contains("curl: (6) Could not resolve host: nosuch", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(28, slow.ExitCode);
        Assert.Contains("curl: (28) Operation timed out after 2000 milliseconds", slow.Stderr, StringComparison.Ordinal);
    }

    private const string LegacyPod = "\n        sidecar.istio.io/inject: \"false\"";

    private const string AbortRatings = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: ratings
        spec:
          hosts: [ratings]
          http:
          - fault:
              abort:
                percentage: {value: 100}
                httpStatus: 500
            route:
            - destination: {host: ratings}
        """;

    private static string ReviewsTo(string subset) => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: {{subset}}}
        """;
}
