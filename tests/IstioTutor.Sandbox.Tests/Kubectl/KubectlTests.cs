using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>The real kubectl against the sandbox: what a learner types is what they would type on a cluster.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KubectlTests(SandboxFixture fixture)
{
    private readonly KubectlRunner _kubectl = new(fixture);

    private static string VsYaml(string name, string hosts = "[reviews]", string subset = "v1") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
          labels:
            app: reviews
        spec:
          hosts: {hosts}
          http:
          - route:
            - destination:
                host: reviews
                subset: {subset}

        """;

    [KubectlFact]
    public async Task Version_reports_the_sandbox_server_version()
    {
        var result = await _kubectl.RunAsync("version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Server Version: v1.32.0", result.Stdout);
    }

    [KubectlFact]
    public async Task Get_pods_lists_the_seeded_bookinfo_pods_with_their_sidecar()
    {
        var ns = fixture.NewNamespace("kpods");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync($"get pods -n {ns} -o json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var pods = JsonNode.Parse(result.Stdout)!["items"]!.AsArray();
        Assert.Equal(6, pods.Count);
        Assert.All(pods, p => Assert.Contains(p!["spec"]!["containers"]!.AsArray(), c => (string?)c!["name"] == "istio-proxy"));
    }

    [KubectlFact]
    public async Task Get_by_short_name_prints_yaml()
    {
        var ns = fixture.NewNamespace("kshort");
        await fixture.Cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, CancellationToken.None);

        var result = await _kubectl.RunAsync($"get vs reviews -n {ns} -o yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("kind: VirtualService", result.Stdout);
        Assert.Contains("- reviews", result.Stdout);
        Assert.Contains("resourceVersion:", result.Stdout);
    }

    [KubectlFact]
    public async Task Get_all_namespaces_shows_every_namespace_column()
    {
        var ns = fixture.NewNamespace("kall");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync("get svc -A");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NAMESPACE", result.Stdout);
        Assert.Contains("istio-ingressgateway", result.Stdout);
        Assert.Contains(ns, result.Stdout);
    }

    [KubectlFact]
    public async Task Get_with_label_selector_returns_only_matching_pods()
    {
        var ns = fixture.NewNamespace("klabel");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync($"get pods -n {ns} -l app=reviews,version!=v1 -o name");

        Assert.True(result.ExitCode == 0, result.ToString());
        var names = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, names.Length);
        Assert.All(names, n => Assert.Matches("^pod/reviews-v[23]-", n));
    }

    [KubectlFact]
    public async Task Apply_creates_then_configures_then_reports_unchanged()
    {
        var ns = fixture.NewNamespace("kapply");

        var created = await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("reviews"));
        var configured = await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("reviews", subset: "v2"));
        var unchanged = await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("reviews", subset: "v2"));

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("virtualservice.networking.istio.io/reviews created", created.Stdout);
        Assert.Contains("virtualservice.networking.istio.io/reviews configured", configured.Stdout);
        Assert.Contains("virtualservice.networking.istio.io/reviews unchanged", unchanged.Stdout);
        var stored = await fixture.Cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", CancellationToken.None);
        Assert.Equal("v2", (string?)stored!["spec"]!["http"]![0]!["route"]![0]!["destination"]!["subset"]);
        Assert.Equal(2, (int)stored["metadata"]!["generation"]!);
    }

    [KubectlFact]
    public async Task Create_twice_reports_already_exists()
    {
        var ns = fixture.NewNamespace("kcreate");

        var first = await _kubectl.RunAsync($"create -n {ns} -f -", VsYaml("ratings", "[ratings]"));
        var second = await _kubectl.RunAsync($"create -n {ns} -f -", VsYaml("ratings", "[ratings]"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("virtualservice.networking.istio.io/ratings created", first.Stdout);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("Error from server (AlreadyExists)", second.Stderr);
        Assert.Contains("virtualservices.networking.istio.io \"ratings\" already exists", second.Stderr);
    }

    [KubectlFact]
    public async Task Delete_removes_the_object_and_get_then_reports_not_found()
    {
        var ns = fixture.NewNamespace("kdelete");
        await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("reviews"));

        var deleted = await _kubectl.RunAsync($"delete vs reviews -n {ns}");
        var get = await _kubectl.RunAsync($"get vs reviews -n {ns}");

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("virtualservice.networking.istio.io \"reviews\" deleted", deleted.Stdout);
        Assert.Contains("Error from server (NotFound): virtualservices.networking.istio.io \"reviews\" not found", get.Stderr);
    }

    [KubectlFact]
    public async Task Describe_prints_the_spec()
    {
        var ns = fixture.NewNamespace("kdescribe");
        await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("reviews"));

        var result = await _kubectl.RunAsync($"describe virtualservice reviews -n {ns}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Name:", result.Stdout);
        Assert.Contains("reviews", result.Stdout);
        Assert.Contains("Subset:", result.Stdout);
    }

    [KubectlFact]
    public async Task Api_resources_lists_istio_kinds_with_short_names()
    {
        var result = await _kubectl.RunAsync("api-resources --api-group=networking.istio.io");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"virtualservices\s+vs\s+networking.istio.io/v1\s+true\s+VirtualService", result.Stdout);
        Assert.Matches(@"envoyfilters\s+networking.istio.io/v1alpha3\s+true\s+EnvoyFilter", result.Stdout);
    }

    [KubectlFact]
    public async Task Get_by_category_lists_istio_configuration()
    {
        var ns = fixture.NewNamespace("kcat");
        await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("reviews"));

        var result = await _kubectl.RunAsync($"get istio-io -n {ns} -o name");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("virtualservice.networking.istio.io/reviews", result.Stdout);
    }

    [KubectlFact]
    public async Task Server_dry_run_reports_created_and_stores_nothing()
    {
        var ns = fixture.NewNamespace("kdry");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);

        var result = await _kubectl.RunAsync($"apply --dry-run=server -n {ns} -f -", VsYaml("reviews"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("virtualservice.networking.istio.io/reviews created (server dry run)", result.Stdout);
        Assert.Null(await fixture.Cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", CancellationToken.None));
    }

    [KubectlFact]
    public async Task Invalid_spec_shows_the_servers_field_message()
    {
        var ns = fixture.NewNamespace("kinvalid");

        var result = await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("broken", "[]"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The VirtualService \"broken\" is invalid: spec.hosts: Required value", result.Stderr);
    }

    [KubectlFact]
    public async Task Validator_warnings_reach_kubectl_as_warnings()
    {
        var ns = fixture.NewNamespace("kwarn");

        var result = await _kubectl.RunAsync($"apply -n {ns} -f -", VsYaml("wild", "[\"*\"]"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Warning: {RequireHostsValidator.WildcardWarning}", result.Stderr);
    }

    [KubectlFact]
    public async Task Server_side_apply_creates_the_object()
    {
        var ns = fixture.NewNamespace("kssa");

        var result = await _kubectl.RunAsync($"apply --server-side -n {ns} -f -", VsYaml("reviews"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("virtualservice.networking.istio.io/reviews serverside-applied", result.Stdout);
    }

    [KubectlFact]
    public async Task Create_namespace_sends_protobuf_and_succeeds()
    {
        var ns = fixture.NewNamespace("kns");

        var result = await _kubectl.RunAsync($"create namespace {ns}");
        var pods = await _kubectl.RunAsync($"get pods -n {ns} -o name");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"namespace/{ns} created", result.Stdout);
        Assert.Contains("pod/productpage-v1-", pods.Stdout);
    }

    [KubectlFact]
    public async Task Deleting_a_seeded_pod_is_forbidden_with_a_reason()
    {
        var ns = fixture.NewNamespace("kforbid");
        await fixture.Cluster.EnsureNamespaceAsync(ns, CancellationToken.None);
        var pod = (await _kubectl.RunAsync($"get pods -n {ns} -l app=ratings -o name")).Stdout.Trim();

        var result = await _kubectl.RunAsync($"delete {pod} -n {ns}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (Forbidden)", result.Stderr);
        Assert.Contains("seeded read-only", result.Stderr);
    }

    [KubectlFact]
    public async Task Stale_patch_reports_a_conflict()
    {
        var ns = fixture.NewNamespace("kconflict");
        var created = await fixture.Cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, CancellationToken.None);
        await fixture.Cluster.PatchAsync(ResourceKinds.VirtualService, ns, "reviews", JsonNode.Parse("""{"metadata":{"labels":{"touched":"yes"}}}""")!, PatchKind.Merge, false, CancellationToken.None);
        var stale = (string)created["metadata"]!["resourceVersion"]!;

        var result = await _kubectl.RunAsync($"patch vs reviews -n {ns} --type=merge -p {{\"metadata\":{{\"resourceVersion\":\"{stale}\"}},\"spec\":{{\"hosts\":[\"x\"]}}}}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (Conflict)", result.Stderr);
        Assert.Contains("the object has been modified", result.Stderr);
    }
}
