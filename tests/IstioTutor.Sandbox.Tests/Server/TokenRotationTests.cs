using System.Net;
using System.Net.Http.Headers;
using IstioTutor.Sandbox.Server;
using IstioTutor.Sandbox.Tests.Fixtures;

namespace IstioTutor.Sandbox.Tests.Server;

/// <summary>A token (and the certificate) is good for one run of the server only: a copy taken earlier opens nothing later.</summary>
public sealed class TokenRotationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("istiotutor-token-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_restart_draws_a_new_token_and_certificate_and_the_old_token_is_refused()
    {
        var store = Path.Combine(_directory, "sandbox.db");
        string oldToken, oldCertificate;
        await using (var first = await SandboxServer.StartAsync(store, 0, new RequireHostsValidator(), null, CancellationToken.None))
        {
            (oldToken, oldCertificate) = (first.Token, first.Endpoint.CertificatePem);
        }

        await using var second = await SandboxServer.StartAsync(store, 0, new RequireHostsValidator(), null, CancellationToken.None);
        using var http = PinnedHttp.Create(second.Endpoint);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces");
        stale.Headers.Authorization = new AuthenticationHeaderValue("Bearer", oldToken);
        using var fresh = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces");
        fresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", second.Token);

        Assert.NotEqual(oldToken, second.Token);
        Assert.NotEqual(oldCertificate, second.Endpoint.CertificatePem);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(fresh)).StatusCode);
    }
}
