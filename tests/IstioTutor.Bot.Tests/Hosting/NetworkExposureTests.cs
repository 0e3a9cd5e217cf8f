using System.Security.Claims;
using IstioTutor.Bot.Channels;
using IstioTutor.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>
/// Where the host may listen without Bot Framework credentials. The refused host never binds (options are
/// validated before Kestrel starts); the allowed ones are checked without starting, so no test listens
/// beyond loopback.
/// </summary>
public sealed class NetworkExposureTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("istiotutor-exposure-").FullName;

    [Fact]
    public async Task Host_without_bot_credentials_refuses_to_listen_beyond_loopback_naming_the_settings()
    {
        await using var app = BotHost.Build(_data, new Dictionary<string, string?> { ["Serve:Address"] = "0.0.0.0", ["Serve:Port"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Serve:Address is 0.0.0.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Serve:AllowUnauthenticatedNetwork=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Host_without_bot_credentials_may_listen_on_loopback(string address)
    {
        using var app = BuildWithout(address);

        Assert.Equal(address, app.Services.GetRequiredService<IOptions<ServeOptions>>().Value.Address);
    }

    [Fact]
    public void Host_with_bot_credentials_may_listen_beyond_loopback()
    {
        using var app = (IDisposable)BotHost.Build(_data, new Dictionary<string, string?>
        {
            ["Serve:Address"] = "0.0.0.0",
            ["Bot:MicrosoftAppId"] = AuthenticatedBotHostFixture.AppId,
            ["Bot:MicrosoftAppPassword"] = AuthenticatedBotHostFixture.AppPassword,
        });

        Assert.Equal("0.0.0.0", ((WebApplication)app).Services.GetRequiredService<IOptions<ServeOptions>>().Value.Address);
    }

    [Fact]
    public async Task Development_switch_allows_it_with_a_warning_at_start_and_a_degraded_readyz_entry()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = BotHost.Build(
            _data,
            new Dictionary<string, string?> { ["Serve:Address"] = "0.0.0.0", ["Serve:AllowUnauthenticatedNetwork"] = "true" },
            configureLogging: l => l.AddProvider(logs));

        foreach (var warning in app.Services.GetServices<IHostedService>().OfType<ExposureStartupWarning>())
        {
            await warning.StartAsync(CancellationToken.None);
        }

        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "authentication");

        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("anyone who reaches this port", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Degraded, report.Entries["authentication"].Status);
        Assert.Contains("Serve:AllowUnauthenticatedNetwork", report.Entries["authentication"].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://attacker.example/", "https://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://attacker.example/", null, false)]
    [InlineData("http://127.0.0.1:3978/", null, true)]
    [InlineData("http://localhost:3978/", null, true)]
    [InlineData("file:///etc/passwd", null, false)]
    public void Replies_go_only_to_the_service_url_the_token_allows_or_to_loopback(string serviceUrl, string? claim, bool allowed)
    {
        var identity = new ClaimsIdentity(claim is null ? [] : [new Claim("serviceurl", claim)], "Bearer");

        Assert.Equal(allowed, ReplyServiceUrlRule.Refusal(serviceUrl, identity) is null);
    }

    private WebApplication BuildWithout(string address) =>
        BotHost.Build(_data, new Dictionary<string, string?> { ["Serve:Address"] = address });

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still hold the file briefly.
        }
    }
}
