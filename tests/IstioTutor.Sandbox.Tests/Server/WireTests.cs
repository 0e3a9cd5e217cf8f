using System.Net;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Server;

/// <summary>What the server sends on the wire: Status bodies, Warning headers, discovery and OpenAPI documents.</summary>
[Collection(SandboxCollection.Name)]
public sealed class WireTests(SandboxFixture fixture)
{
    private static string VsPath(string ns, string? name = null) =>
        $"/apis/networking.istio.io/v1/namespaces/{ns}/virtualservices{(name is null ? "" : "/" + name)}";

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Unparseable_body_is_400_bad_request_status()
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, VsPath(fixture.NewNamespace()), "{\"apiVersion\": ");

        var status = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("Status", "BadRequest", 400), ((string?)status["kind"], (string?)status["reason"], (int)status["code"]!));
        Assert.Contains("not valid JSON", (string?)status["message"]);
    }

    [Fact]
    public async Task Strategic_merge_patch_on_istio_config_is_415()
    {
        var ns = fixture.NewNamespace();
        await fixture.Cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, CancellationToken.None);

        using var response = await fixture.SendAsync(HttpMethod.Patch, VsPath(ns, "reviews"), "{}", "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/merge-patch+json", (string?)(await JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task Apiversion_differing_from_the_url_is_400()
    {
        var body = Manifests.VirtualService("reviews", "reviews");
        body["apiVersion"] = "networking.istio.io/v1beta1";

        using var response = await fixture.SendAsync(HttpMethod.Post, VsPath(fixture.NewNamespace()), body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not match the expected API version (networking.istio.io/v1)", (string?)(await JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task Validator_warnings_are_sent_as_299_warning_headers()
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, VsPath(fixture.NewNamespace()), Manifests.VirtualService("wild", "*").ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"299 - \"{RequireHostsValidator.WildcardWarning.Replace("\"", "\\\"")}\"", Assert.Single(response.Headers.GetValues("Warning")));
    }

    [Fact]
    public async Task Invalid_status_carries_kind_name_and_causes_in_details()
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, VsPath(fixture.NewNamespace()), Manifests.VirtualService("broken").ToJsonString());

        var details = (await JsonAsync(response))["details"]!;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(("VirtualService", "broken"), ((string?)details["kind"], (string?)details["name"]));
        Assert.Equal("spec.hosts", (string?)details["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Api_group_list_serves_every_istio_version()
    {
        using var response = await fixture.Http.GetAsync("/apis");

        var groups = (await JsonAsync(response))["groups"]!.AsArray().ToDictionary(g => (string)g!["name"]!, g => g!["versions"]!.AsArray().Select(v => (string)v!["version"]!).ToList());
        Assert.Equal(["v1", "v1beta1", "v1alpha3"], groups["networking.istio.io"]);
        Assert.Equal(["v1", "v1beta1"], groups["security.istio.io"]);
        Assert.Equal(["v1", "v1alpha1"], groups["telemetry.istio.io"]);
        Assert.Equal(["v1alpha1"], groups["extensions.istio.io"]);
        Assert.Equal(["v1"], groups["apps"]);
    }

    [Fact]
    public async Task Resource_list_names_kind_verbs_short_names_and_categories()
    {
        using var response = await fixture.Http.GetAsync("/apis/networking.istio.io/v1");

        var vs = (await JsonAsync(response))["resources"]!.AsArray().Single(r => (string?)r!["name"] == "virtualservices")!;
        Assert.Equal("VirtualService", (string?)vs["kind"]);
        Assert.True((bool)vs["namespaced"]!);
        Assert.Contains("patch", vs["verbs"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["vs"], vs["shortNames"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("istio-io", vs["categories"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task Openapi_v3_documents_carry_the_field_validation_parameter_kubectl_needs()
    {
        using var root = await fixture.Http.GetAsync("/openapi/v3");
        var url = (string)(await JsonAsync(root))["paths"]!["apis/networking.istio.io/v1"]!["serverRelativeURL"]!;
        using var doc = await fixture.Http.GetAsync(url);

        var patch = (await JsonAsync(doc))["paths"]!["/apis/networking.istio.io/v1/namespaces/{namespace}/virtualservices/{name}"]!["patch"]!;
        Assert.Equal("VirtualService", (string?)patch["x-kubernetes-group-version-kind"]!["kind"]);
        Assert.Contains("fieldValidation", patch["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
    }

    [Fact]
    public async Task Unknown_path_is_a_404_status()
    {
        using var response = await fixture.Http.GetAsync("/apis/networking.istio.io/v9/virtualservices");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Status", (string?)(await JsonAsync(response))["kind"]);
    }

    [Fact]
    public async Task Deleting_a_system_namespace_is_forbidden()
    {
        using var response = await fixture.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/istio-system");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("system namespace", (string?)(await JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task Deleting_a_learner_namespace_removes_everything_in_it()
    {
        var ns = fixture.NewNamespace();
        await fixture.Cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, CancellationToken.None);

        using var response = await fixture.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await fixture.Cluster.ListAsync(ResourceKinds.Pod, ns, null, CancellationToken.None));
        Assert.Null(await fixture.Cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", CancellationToken.None));
    }
}
