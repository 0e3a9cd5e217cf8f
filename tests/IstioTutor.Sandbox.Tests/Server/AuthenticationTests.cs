using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Hosting;
using IstioTutor.Sandbox.Tests.Fixtures;
using IstioTutor.Sandbox.Tests.Kubectl;

namespace IstioTutor.Sandbox.Tests.Server;

/// <summary>
/// Only a holder of the kubeconfig's bearer token reaches the sandbox: anyone else on the machine is
/// refused before any work, so the tutor's guard and audit log cannot be gone around.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class AuthenticationTests(SandboxFixture fixture)
{
    private static string VsPath(string ns, string? name = null) =>
        $"/apis/networking.istio.io/v1/namespaces/{ns}/virtualservices{(name is null ? "" : "/" + name)}";

    [Fact]
    public async Task Create_without_a_token_is_401_and_changes_nothing()
    {
        var ns = fixture.NewNamespace("anon");

        using var response = await SendAsync(null, HttpMethod.Post, VsPath(ns), Manifests.VirtualService("reviews", "reviews").ToJsonString());

        await AssertUnauthorizedAsync(response);
        // Not even the learner namespace a first write would create and seed.
        using var check = await fixture.SendAsync(HttpMethod.Get, "/api/v1/namespaces/" + ns);
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
    }

    [Fact]
    public async Task Delete_with_a_wrong_token_is_401_and_the_object_stays()
    {
        var ns = fixture.NewNamespace("wrongdel");
        await fixture.Cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("reviews", "reviews"), false, CancellationToken.None);

        using var response = await SendAsync(WrongToken(), HttpMethod.Delete, VsPath(ns, "reviews"));

        await AssertUnauthorizedAsync(response);
        Assert.NotNull(await fixture.Cluster.GetAsync(ResourceKinds.VirtualService, ns, "reviews", CancellationToken.None));
    }

    [Fact]
    public async Task Get_with_a_wrong_token_is_401_and_reads_nothing()
    {
        var ns = fixture.NewNamespace("wrongget");
        await fixture.Cluster.CreateAsync(ResourceKinds.VirtualService, ns, Manifests.VirtualService("secretive", "reviews"), false, CancellationToken.None);

        using var response = await SendAsync(WrongToken(), HttpMethod.Get, VsPath(ns, "secretive"));

        var body = await AssertUnauthorizedAsync(response);
        Assert.DoesNotContain("secretive", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_without_a_token_is_401_and_does_not_name_the_data_file()
    {
        using var response = await SendAsync(null, HttpMethod.Get, "/version");

        await AssertUnauthorizedAsync(response);
        Assert.False(response.Headers.Contains("X-IstioTutor-Sandbox-Store"));
    }

    [Fact]
    public async Task A_token_of_another_scheme_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Address, "/api/v1/namespaces"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", fixture.Token);
        using var http = PinnedHttp.Create(fixture.Endpoint);

        using var response = await http.SendAsync(request);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Kubeconfig_is_owner_read_write_only()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.KubeconfigPath));
    }

    [Fact]
    public void Kubeconfig_holds_this_runs_token()
    {
        Assert.Contains($"token: {fixture.Token}", File.ReadAllText(fixture.KubeconfigPath), StringComparison.Ordinal);
        Assert.True(fixture.Token.Length >= 43, "the token is shorter than 256 bits in base64url");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Kubeconfig_written_over_a_world_readable_file_ends_owner_only()
    {
        var path = Path.Combine(fixture.Data.Path, "old-" + Guid.NewGuid().ToString("N")[..6] + ".kubeconfig");
        File.WriteAllText(path, "left over from an older version");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SandboxKubeconfig.Write(path, fixture.Endpoint);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains(fixture.Token, File.ReadAllText(path), StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Kubectl_with_the_written_kubeconfig_is_let_in()
    {
        var result = await new KubectlRunner(fixture).RunAsync("get namespaces istio-system -o name");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("namespace/istio-system", result.Stdout.Trim());
    }

    [KubectlFact]
    public async Task Kubectl_with_a_wrong_token_is_told_it_is_unauthorized()
    {
        var kubeconfig = Path.Combine(fixture.Data.Path, "wrong-" + Guid.NewGuid().ToString("N")[..6] + ".kubeconfig");
        SandboxKubeconfig.Write(kubeconfig, fixture.Endpoint with { Token = WrongToken() });

        var result = await new KubectlRunner(fixture, kubeconfig).RunAsync("get namespaces");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Unauthorized", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>As long as the real one and of the same alphabet, so only its value is wrong.</summary>
    private string WrongToken() => new(fixture.Token.Select(c => c == 'A' ? 'B' : 'A').ToArray());

    private async Task<HttpResponseMessage> SendAsync(string? token, HttpMethod method, string path, string? body = null)
    {
        using var http = PinnedHttp.Create(fixture.Endpoint);
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    private static async Task<string> AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}: {body}");
        var status = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(("Status", "Unauthorized", 401), ((string?)status["kind"], (string?)status["reason"], (int)status["code"]!));
        return body;
    }
}
