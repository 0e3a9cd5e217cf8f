using System.Text.Json.Nodes;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Mesh.Validation;
using IstioTutor.Sandbox.Tests.Fixtures;
using k8s;
using k8s.Autorest;

namespace IstioTutor.Sandbox.Tests.Client;

/// <summary><see cref="KubernetesMeshCluster"/> through KubernetesClient over loopback HTTP to the sandbox.</summary>
[Collection(SandboxCollection.Name)]
public sealed class MeshClusterTests(SandboxFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly IMeshCluster _cluster = fixture.Cluster;

    [Fact]
    public void Embedded_cluster_describes_itself_as_the_simulated_sandbox()
    {
        Assert.True(_cluster.IsSimulated);
        Assert.Equal("simulated sandbox", _cluster.Description);
    }

    [Fact]
    public async Task Create_stamps_uid_creation_time_generation_and_resource_version()
    {
        var ns = fixture.NewNamespace();

        var created = await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);

        var metadata = created["metadata"]!;
        Assert.True(Guid.TryParse((string?)metadata["uid"], out _));
        Assert.True(DateTimeOffset.TryParse((string?)metadata["creationTimestamp"], out _));
        Assert.Equal(1, (int)metadata["generation"]!);
        Assert.True(long.Parse((string)metadata["resourceVersion"]!) > 0);
        Assert.Equal(ns, (string?)metadata["namespace"]);
    }

    [Fact]
    public async Task Get_of_a_missing_object_returns_null()
    {
        Assert.Null(await _cluster.GetAsync(ResourceKinds.DestinationRule, fixture.NewNamespace(), "nope", None));
    }

    [Fact]
    public async Task Creating_an_existing_name_is_409_already_exists()
    {
        var ns = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.DestinationRule, ns, Manifests.DestinationRule("reviews", "reviews"), false, None);

        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.CreateAsync(ResourceKinds.DestinationRule, ns, Manifests.DestinationRule("reviews", "reviews"), false, None));

        Assert.Equal((409, "AlreadyExists"), (e.Code, e.Reason));
        Assert.Equal("destinationrules.networking.istio.io \"reviews\" already exists", e.Message);
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_is_409_conflict()
    {
        var ns = fixture.NewNamespace();
        var first = await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);
        var second = first.DeepClone().AsObject();
        second["spec"]!["hosts"] = new JsonArray("reviews", "reviews.example.com");
        await _cluster.ReplaceAsync(ResourceKinds.VirtualService, ns, second, false, None);

        first["spec"]!["hosts"] = new JsonArray("ratings");
        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.ReplaceAsync(ResourceKinds.VirtualService, ns, first, false, None));

        Assert.Equal((409, "Conflict"), (e.Code, e.Reason));
        Assert.Contains("the object has been modified", e.Message);
    }

    [Fact]
    public async Task Replace_without_a_resource_version_is_422_naming_the_field()
    {
        var ns = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);

        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.ReplaceAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None));

        Assert.Equal(422, e.Code);
        Assert.Equal("metadata.resourceVersion", Assert.Single(e.Causes).Field);
    }

    [Fact]
    public async Task Merge_patch_of_the_spec_bumps_generation_and_resource_version()
    {
        var ns = fixture.NewNamespace();
        var created = await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);

        var patched = await _cluster.PatchAsync(ResourceKinds.VirtualService, ns, "reviews", JsonNode.Parse("""{"spec":{"hosts":["reviews","ratings"]}}""")!, PatchKind.Merge, false, None);

        Assert.Equal(2, (int)patched["metadata"]!["generation"]!);
        Assert.True(long.Parse((string)patched["metadata"]!["resourceVersion"]!) > long.Parse((string)created["metadata"]!["resourceVersion"]!));
        Assert.Equal(created["metadata"]!["uid"]!.ToString(), patched["metadata"]!["uid"]!.ToString());
    }

    [Fact]
    public async Task Patch_of_labels_only_keeps_the_generation()
    {
        var ns = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);

        var patched = await _cluster.PatchAsync(ResourceKinds.VirtualService, ns, "reviews", JsonNode.Parse("""{"metadata":{"labels":{"team":"a"}}}""")!, PatchKind.Merge, false, None);

        Assert.Equal(1, (int)patched["metadata"]!["generation"]!);
        Assert.Equal("a", (string?)patched["metadata"]!["labels"]!["team"]);
    }

    [Fact]
    public async Task Json_patch_applies_its_operations_in_order()
    {
        var ns = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);
        var patch = JsonNode.Parse("""
            [{"op":"test","path":"/spec/hosts/0","value":"reviews"},
             {"op":"add","path":"/spec/hosts/-","value":"ratings"},
             {"op":"replace","path":"/spec/http/0/route/0/destination/subset","value":"v3"}]
            """)!;

        var patched = await _cluster.PatchAsync(ResourceKinds.VirtualService, ns, "reviews", patch, PatchKind.Json, false, None);

        Assert.Equal(["reviews", "ratings"], patched["spec"]!["hosts"]!.AsArray().Select(h => (string)h!));
        Assert.Equal("v3", (string?)patched["spec"]!["http"]![0]!["route"]![0]!["destination"]!["subset"]);
    }

    [Fact]
    public async Task Json_patch_whose_test_fails_is_422_and_changes_nothing()
    {
        var ns = fixture.NewNamespace();
        var created = await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);
        var patch = JsonNode.Parse("""[{"op":"test","path":"/spec/hosts/0","value":"ratings"},{"op":"remove","path":"/spec/http"}]""")!;

        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.PatchAsync(ResourceKinds.VirtualService, ns, "reviews", patch, PatchKind.Json, false, None));

        Assert.Equal(422, e.Code);
        Assert.Contains("test", Assert.Single(e.Causes).Message);
        var stored = await _cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", None);
        Assert.Equal(created["metadata"]!["resourceVersion"]!.ToString(), stored!["metadata"]!["resourceVersion"]!.ToString());
    }

    [Fact]
    public async Task Dry_run_create_validates_but_stores_nothing()
    {
        var ns = fixture.NewNamespace();

        var answer = await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), true, None);

        Assert.Equal("reviews", (string?)answer["metadata"]!["name"]);
        Assert.Null(await _cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", None));
    }

    [Fact]
    public async Task Dry_run_delete_keeps_the_object()
    {
        var ns = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);

        await _cluster.DeleteAsync(ResourceKinds.VirtualService, ns, "reviews", true, None);

        Assert.NotNull(await _cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", None));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_a_second_delete_is_404()
    {
        var ns = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);

        await _cluster.DeleteAsync(ResourceKinds.VirtualService, ns, "reviews", false, None);
        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.DeleteAsync(ResourceKinds.VirtualService, ns, "reviews", false, None));

        Assert.Null(await _cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", None));
        Assert.Equal((404, "NotFound"), (e.Code, e.Reason));
    }

    [Fact]
    public async Task Invalid_spec_is_422_with_the_webhook_message_and_field_causes()
    {
        var ns = fixture.NewNamespace();

        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("broken"), false, None));

        Assert.Equal((422, "Invalid"), (e.Code, e.Reason));
        Assert.StartsWith("admission webhook \"validation.istio.io\" denied the request: configuration is invalid: spec.hosts: Required value", e.Message);
        Assert.Equal(new FieldCause("spec.hosts", "Required value"), Assert.Single(e.Causes));
        Assert.Null(await _cluster.GetAsync(ResourceKinds.VirtualService, ns, "broken", None));
    }

    [Fact]
    public async Task Invalid_name_is_422_naming_metadata_name()
    {
        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.CreateAsync(ResourceKinds.VirtualService, fixture.NewNamespace(), Manifests.VirtualService("Bad_Name", "reviews"), false, None));

        Assert.Equal(422, e.Code);
        Assert.Equal("metadata.name", Assert.Single(e.Causes).Field);
        Assert.Contains("RFC 1123", e.Message);
    }

    [Fact]
    public async Task Writing_workloads_through_the_seam_is_refused_before_reaching_the_cluster()
    {
        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.DeleteAsync(ResourceKinds.Pod, fixture.NewNamespace(), "x", false, None));

        Assert.Equal((403, "Forbidden"), (e.Code, e.Reason));
    }

    [Fact]
    public async Task Writing_workloads_through_the_api_is_403_forbidden()
    {
        var ns = fixture.NewNamespace();
        await _cluster.EnsureNamespaceAsync(ns, None);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => fixture.Client.CoreV1.DeleteNamespacedServiceAsync("reviews", ns));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, e.Response.StatusCode);
        Assert.Contains("seeded read-only", e.Response.Content);
        Assert.NotNull(await _cluster.GetAsync(ResourceKinds.Service, ns, "reviews", None));
    }

    [Fact]
    public async Task Ensure_namespace_seeds_bookinfo_with_sidecars_services_and_accounts()
    {
        var ns = fixture.NewNamespace();

        await _cluster.EnsureNamespaceAsync(ns, None);

        var pods = await _cluster.ListAsync(ResourceKinds.Pod, ns, null, None);
        var services = await _cluster.ListAsync(ResourceKinds.Service, ns, null, None);
        var accounts = await _cluster.ListAsync(ResourceKinds.ServiceAccount, ns, null, None);
        var deployments = await _cluster.ListAsync(ResourceKinds.Deployment, ns, null, None);
        Assert.Equal(
            ["details/v1", "productpage/v1", "ratings/v1", "reviews/v1", "reviews/v2", "reviews/v3"],
            pods.Select(p => $"{p["metadata"]!["labels"]!["app"]}/{p["metadata"]!["labels"]!["version"]}").Order());
        Assert.All(pods, p => Assert.NotNull(p["metadata"]!["annotations"]!["sidecar.istio.io/status"]));
        Assert.All(services, s => Assert.Equal(9080, (int)s["spec"]!["ports"]![0]!["port"]!));
        Assert.Equal(["bookinfo-details", "bookinfo-productpage", "bookinfo-ratings", "bookinfo-reviews"], accounts.Select(a => (string)a["metadata"]!["name"]!));
        Assert.Equal(6, deployments.Count);
        var ns1 = await _cluster.GetAsync(ResourceKinds.Namespace, "", ns, None);
        Assert.Equal("enabled", (string?)ns1!["metadata"]!["labels"]!["istio-injection"]);
    }

    [Fact]
    public async Task Reviews_v2_and_v3_say_they_call_ratings_and_which_stars_they_show()
    {
        var ns = fixture.NewNamespace();
        await _cluster.EnsureNamespaceAsync(ns, None);

        var reviews = await _cluster.ListAsync(ResourceKinds.Deployment, ns, "app=reviews", None);

        var byVersion = reviews.ToDictionary(d => (string)d["metadata"]!["labels"]!["version"]!, d => d["metadata"]!["annotations"]!);
        Assert.Equal("none", (string?)byVersion["v1"]!["sandbox.istiotutor.io/stars"]);
        Assert.Equal(("black", "ratings"), ((string?)byVersion["v2"]!["sandbox.istiotutor.io/stars"], (string?)byVersion["v2"]!["sandbox.istiotutor.io/calls"]));
        Assert.Equal(("red", "ratings"), ((string?)byVersion["v3"]!["sandbox.istiotutor.io/stars"], (string?)byVersion["v3"]!["sandbox.istiotutor.io/calls"]));
    }

    [Fact]
    public async Task Istio_system_runs_istiod_and_the_ingress_gateway()
    {
        var gateway = await _cluster.GetAsync(ResourceKinds.Service, MeshSnapshot.RootNamespace, "istio-ingressgateway", None);
        var pods = await _cluster.ListAsync(ResourceKinds.Pod, MeshSnapshot.RootNamespace, "istio=ingressgateway", None);
        var istiod = await _cluster.GetAsync(ResourceKinds.Deployment, MeshSnapshot.RootNamespace, "istiod", None);

        Assert.Equal([15021, 80, 443], gateway!["spec"]!["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Equal("istio-ingressgateway", (string?)Assert.Single(pods)["metadata"]!["labels"]!["app"]);
        Assert.NotNull(istiod);
    }

    [Fact]
    public async Task First_write_to_a_new_learner_namespace_creates_and_seeds_it()
    {
        var ns = fixture.NewNamespace();

        await _cluster.CreateAsync(ResourceKinds.DestinationRule, ns, Manifests.DestinationRule("reviews", "reviews"), false, None);

        Assert.NotNull(await _cluster.GetAsync(ResourceKinds.Namespace, "", ns, None));
        Assert.Equal(6, (await _cluster.ListAsync(ResourceKinds.Pod, ns, null, None)).Count);
    }

    [Fact]
    public async Task Write_to_a_missing_non_learner_namespace_is_404_for_the_namespace()
    {
        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.CreateAsync(ResourceKinds.DestinationRule, "ghost", Manifests.DestinationRule("reviews", "reviews"), false, None));

        Assert.Equal(404, e.Code);
        Assert.Equal("namespaces \"ghost\" not found", e.Message);
    }

    [Theory]
    [InlineData("app=reviews", "reviews-v1,reviews-v2,reviews-v3")]
    [InlineData("app==reviews,version=v2", "reviews-v2")]
    [InlineData("app=reviews,version!=v1", "reviews-v2,reviews-v3")]
    [InlineData("app in (details,ratings)", "details-v1,ratings-v1")]
    [InlineData("app notin (reviews,productpage)", "details-v1,ratings-v1")]
    [InlineData("version,app=ratings", "ratings-v1")]
    [InlineData("!version", "")]
    public async Task List_filters_by_label_selector(string selector, string expected)
    {
        var ns = fixture.NewNamespace("sel");
        await _cluster.EnsureNamespaceAsync(ns, None);

        var found = await _cluster.ListAsync(ResourceKinds.Deployment, ns, selector, None);

        Assert.Equal(expected, string.Join(',', found.Select(d => (string)d["metadata"]!["name"]!)));
    }

    [Fact]
    public async Task Malformed_label_selector_is_400_saying_what_is_wrong()
    {
        var e = await Assert.ThrowsAsync<MeshApiException>(() => _cluster.ListAsync(ResourceKinds.Pod, "default", "app in reviews", None));

        Assert.Equal(400, e.Code);
        Assert.Contains("parentheses", e.Message);
    }

    [Fact]
    public async Task Every_served_version_reads_the_same_object()
    {
        var ns = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, None);

        var beta = await _cluster.GetAsync(ResourceKinds.VirtualService with { Version = "v1beta1" }, ns, "reviews", None);
        var alpha = await _cluster.GetAsync(ResourceKinds.VirtualService with { Version = "v1alpha3" }, ns, "reviews", None);

        Assert.Equal("networking.istio.io/v1beta1", (string?)beta!["apiVersion"]);
        Assert.Equal("networking.istio.io/v1alpha3", (string?)alpha!["apiVersion"]);
        Assert.Equal(beta["metadata"]!["uid"]!.ToString(), alpha["metadata"]!["uid"]!.ToString());
    }

    [Fact]
    public async Task List_across_namespaces_includes_every_namespace()
    {
        var a = fixture.NewNamespace();
        var b = fixture.NewNamespace();
        await _cluster.CreateAsync(ResourceKinds.Gateway, a, Gateway("gw"), false, None);
        await _cluster.CreateAsync(ResourceKinds.Gateway, b, Gateway("gw"), false, None);

        var all = await _cluster.ListAsync(ResourceKinds.Gateway, null, null, None);

        Assert.Contains(all, g => (string?)g["metadata"]!["namespace"] == a);
        Assert.Contains(all, g => (string?)g["metadata"]!["namespace"] == b);
    }

    [Fact]
    public async Task Snapshot_holds_the_namespace_config_workloads_and_root_config()
    {
        var ns = fixture.NewNamespace();
        await _cluster.EnsureNamespaceAsync(ns, None);
        await _cluster.CreateAsync(ResourceKinds.DestinationRule, ns, Manifests.DestinationRule("reviews", "reviews"), false, None);
        await _cluster.CreateAsync(ResourceKinds.PeerAuthentication, MeshSnapshot.RootNamespace, new JsonObject
        {
            ["apiVersion"] = "security.istio.io/v1",
            ["kind"] = "PeerAuthentication",
            ["metadata"] = new JsonObject { ["name"] = "snapshot-" + ns },
            ["spec"] = new JsonObject { ["mtls"] = new JsonObject { ["mode"] = "STRICT" } },
        }, false, None);

        var snapshot = await _cluster.SnapshotAsync(ns, None);

        Assert.Equal(ns, snapshot.Namespace);
        Assert.Equal("DestinationRule", (string?)Assert.Single(snapshot.IstioConfig)["kind"]);
        Assert.Equal(4, snapshot.Services.Count);
        Assert.Equal(6, snapshot.Pods.Count);
        Assert.Contains(snapshot.Namespaces, n => (string?)n["metadata"]!["name"] == ns);
        Assert.Contains(snapshot.RootNamespaceConfig, c => (string?)c["metadata"]!["name"] == "snapshot-" + ns && (string?)c["kind"] == "PeerAuthentication");
    }

    [Fact]
    public async Task Snapshot_carries_the_root_namespace_gateway_workloads_apart_from_the_learners_pods()
    {
        var ns = fixture.NewNamespace();
        await _cluster.EnsureNamespaceAsync(ns, None);

        var snapshot = await _cluster.SnapshotAsync(ns, None);

        Assert.All(snapshot.Pods, p => Assert.Equal(ns, (string?)p["metadata"]!["namespace"]));
        Assert.Contains(snapshot.RootNamespacePods, p => (string?)p["metadata"]!["labels"]!["istio"] == "ingressgateway" && (string?)p["metadata"]!["namespace"] == MeshSnapshot.RootNamespace);
        Assert.Contains(snapshot.RootNamespaceServices, s => (string?)s["metadata"]!["name"] == "istio-ingressgateway");
    }

    [Fact]
    public async Task A_Gateway_selecting_the_shared_ingress_gateway_is_not_reported_as_selecting_nothing()
    {
        var ns = fixture.NewNamespace();
        await _cluster.EnsureNamespaceAsync(ns, None);
        await _cluster.CreateAsync(ResourceKinds.Gateway, ns, Gateway("bookinfo-gateway"), false, None);

        var messages = new MeshAnalyzer(new IstioValidator()).Analyze(await _cluster.SnapshotAsync(ns, None));

        Assert.DoesNotContain(messages, m => m.Code == "IST0101" && m.Resource == $"Gateway {ns}/bookinfo-gateway");
    }

    private static JsonObject Gateway(string name) => new()
    {
        ["apiVersion"] = "networking.istio.io/v1",
        ["kind"] = "Gateway",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["istio"] = "ingressgateway" },
            ["servers"] = new JsonArray(new JsonObject
            {
                ["port"] = new JsonObject { ["number"] = 80, ["name"] = "http", ["protocol"] = "HTTP" },
                ["hosts"] = new JsonArray("*"),
            }),
        },
    };
}
