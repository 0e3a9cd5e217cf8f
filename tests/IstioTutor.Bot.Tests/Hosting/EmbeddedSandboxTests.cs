using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Tests.Hosting;

/// <summary>The bot host practises on the embedded sandbox, kept in the host's own data directory.</summary>
[Collection("bot-host")]
public sealed class EmbeddedSandboxTests(BotHostFixture host)
{
    [Fact]
    public async Task Bot_host_starts_the_embedded_sandbox_with_its_file_in_the_hosts_data_directory()
    {
        await host.ExchangeAsync(host.Message("msteams", "teams-sandbox-1", "/get virtualservices", userId: "29:sandbox"));

        Assert.IsType<EmbeddedSandbox>(host.App.Services.GetRequiredService<IEmbeddedSandbox>());
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, EmbeddedSandbox.StoreFileName)), "sandbox.db is not in the fixture's data directory");
        var endpoint = await host.App.Services.GetRequiredService<IEmbeddedSandbox>().StartAsync(CancellationToken.None);
        Assert.Equal("127.0.0.1", endpoint.Address.Host);
    }
}
