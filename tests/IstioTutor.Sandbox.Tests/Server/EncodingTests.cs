using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Server;

/// <summary>
/// Bodies the sandbox cannot read — bytes that are not UTF-8, text in another charset, escapes that are
/// not Unicode, YAML where JSON is read — get a 400 (or 415) Status naming the problem, change nothing,
/// and leave the server answering.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class EncodingTests(SandboxFixture fixture)
{
    private static string VsPath(string ns, string? name = null) =>
        $"/apis/networking.istio.io/v1/namespaces/{ns}/virtualservices{(name is null ? "" : "/" + name)}";

    [Fact]
    public async Task Create_with_a_body_that_is_not_utf8_is_400_naming_the_byte_and_changes_nothing()
    {
        var ns = fixture.NewNamespace("utf8");
        var json = Manifests.VirtualService("reviews", "reviews").ToJsonString().Replace("\"app\":\"reviews\"", "\"app\":\"rev\u00e9ws\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0xFF; // a byte that never occurs in UTF-8

        using var response = await SendBytesAsync(HttpMethod.Post, VsPath(ns), bytes, "application/json");

        var status = await AssertStatusAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains($"not valid UTF-8 (byte {at} of {bytes.Length})", (string?)status["message"], StringComparison.Ordinal);
        await AssertNamespaceAbsentAsync(ns);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Merge_patch_that_is_not_utf8_is_400_and_the_object_is_unchanged()
    {
        var ns = fixture.NewNamespace("utf8patch");
        await fixture.Cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, CancellationToken.None);
        byte[] patch = [.. "{\"metadata\":{\"labels\":{\"team\":\""u8, 0xC3, 0x28, .. "\"}}}"u8];

        using var response = await SendBytesAsync(HttpMethod.Patch, VsPath(ns, "reviews"), patch, "application/merge-patch+json");

        var status = await AssertStatusAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("not valid UTF-8", (string?)status["message"], StringComparison.Ordinal);
        var stored = await fixture.Cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", CancellationToken.None);
        Assert.Null(stored!["metadata"]!["labels"]!["team"]);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Protobuf_namespace_with_a_name_that_is_not_utf8_is_400()
    {
        // "k8s\0", Unknown.raw (field 2) = Namespace { metadata (field 1) = ObjectMeta { name (field 1) = "learn-\xFF" } }
        byte[] name = [.. "learn-"u8, 0xFF];
        byte[] meta = [0x0A, (byte)name.Length, .. name];
        byte[] ns = [0x0A, (byte)meta.Length, .. meta];
        byte[] body = [.. "k8s\0"u8, 0x12, (byte)ns.Length, .. ns];

        using var response = await SendBytesAsync(HttpMethod.Post, "/api/v1/namespaces", body, "application/vnd.kubernetes.protobuf");

        var status = await AssertStatusAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("metadata.name is not valid UTF-8", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_escape_of_a_lone_surrogate_is_400_and_changes_nothing()
    {
        var ns = fixture.NewNamespace("surrogate");
        var json = Manifests.VirtualService("reviews", "reviews").ToJsonString().Replace("\"app\":\"reviews\"", "\"app\":\"\\ud800\"", StringComparison.Ordinal);
        Assert.Contains("\\ud800", json, StringComparison.Ordinal);

        using var response = await SendBytesAsync(HttpMethod.Post, VsPath(ns), Encoding.UTF8.GetBytes(json), "application/json");

        var status = await AssertStatusAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("not valid Unicode", (string?)status["message"], StringComparison.Ordinal);
        await AssertNamespaceAbsentAsync(ns);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Body_in_another_charset_is_415_naming_the_charset()
    {
        var ns = fixture.NewNamespace("utf16");
        var bytes = Encoding.Unicode.GetBytes(Manifests.VirtualService("reviews", "reviews").ToJsonString());

        using var response = await SendBytesAsync(HttpMethod.Post, VsPath(ns), bytes, "application/json; charset=utf-16");

        var status = await AssertStatusAsync(response, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        Assert.Contains("charset utf-16", (string?)status["message"], StringComparison.Ordinal);
        await AssertNamespaceAbsentAsync(ns);
    }

    [Fact]
    public async Task Apply_patch_written_as_yaml_rather_than_json_is_400_saying_so()
    {
        var ns = fixture.NewNamespace("yaml");
        var yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n"u8.ToArray();

        using var response = await SendBytesAsync(HttpMethod.Patch, VsPath(ns, "reviews") + "?fieldManager=test", yaml, "application/apply-patch+yaml");

        var status = await AssertStatusAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("apply patch is not JSON", (string?)status["message"], StringComparison.Ordinal);
        await AssertNamespaceAbsentAsync(ns);
    }

    [Fact]
    public async Task Utf8_byte_order_mark_before_json_is_accepted()
    {
        var ns = fixture.NewNamespace("bom");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Manifests.VirtualService("reviews", "reviews").ToJsonString())];

        using var response = await SendBytesAsync(HttpMethod.Post, VsPath(ns), bytes, "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendBytesAsync(HttpMethod method, string path, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await fixture.Http.SendAsync(request);
    }

    private static async Task<JsonObject> AssertStatusAsync(HttpResponseMessage response, HttpStatusCode code, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == code, $"{(int)response.StatusCode}: {body}");
        var status = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(("Status", reason, (int)code), ((string?)status["kind"], (string?)status["reason"], (int)status["code"]!));
        return status;
    }

    private async Task AssertNamespaceAbsentAsync(string ns)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, "/api/v1/namespaces/" + ns);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task AssertHealthyAsync()
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, "/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
