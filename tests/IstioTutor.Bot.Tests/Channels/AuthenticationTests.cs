using System.Net;
using System.Net.Http.Json;
using IstioTutor.Bot.Tests.Hosting;

namespace IstioTutor.Bot.Tests.Channels;

/// <summary>A host with a Bot Framework app id and password configured.</summary>
public sealed class AuthenticationTests(AuthenticatedBotHostFixture host) : IClassFixture<AuthenticatedBotHostFixture>
{
    // A well-formed JWT from an issuer Bot Framework does not trust: refused on its claims, before any key
    // download (this machine cannot reach the Bot Framework's OpenID metadata; a genuine-looking issuer
    // would fail closed there with 500 instead).
    private const string ForgedToken =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJhdWQiOiI3ZDNjMWI1Mi0wZjRlLTRiOGEtOWE1Ny0zZTJmNmMxZDhiOTAiLCJpc3MiOiJodHRwczovL3N0cy5hdHRhY2tlci5pbnZhbGlkLyIsImV4cCI6NDEwMjQ0NDgwMH0.Zm9yZ2VkLXNpZ25hdHVyZS1uZXZlci1sb2dnZWQ";

    [Fact]
    public async Task Activity_without_a_token_is_refused_with_401_when_an_app_id_is_configured()
    {
        var activity = host.Message("msteams", "auth-none-1", "What does a VirtualService do?");

        using var response = await host.PostActivityAsync(activity);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, string.Join("\n", host.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(3)));
        Assert.Empty(host.Connector.For("auth-none-1"));
    }

    [Fact]
    public async Task Activity_with_a_token_from_an_untrusted_issuer_is_refused_with_401()
    {
        var activity = host.Message("msteams", "auth-forged-1", "What does a VirtualService do?");

        using var response = await host.PostActivityAsync(activity, ForgedToken);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, string.Join("\n", host.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(3)));
        Assert.Empty(host.Connector.For("auth-forged-1"));
    }

    [Fact]
    public async Task Logs_written_during_turns_contain_neither_the_app_password_nor_the_bearer_token()
    {
        using (await host.PostActivityAsync(host.Message("msteams", "auth-logs-1", "hello"), ForgedToken))
        {
        }

        using var web = await host.Http.PostAsJsonAsync("api/chat", new { text = "What does a VirtualService do?" });
        web.EnsureSuccessStatusCode();

        var lines = host.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(AuthenticatedBotHostFixture.AppPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(ForgedToken.Split('.')[1], StringComparison.Ordinal));
    }
}
