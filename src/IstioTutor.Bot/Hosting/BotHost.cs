using IstioTutor.Bot.Channels;
using IstioTutor.Bot.Dashboard;
using IstioTutor.Bot.Health;
using IstioTutor.Bot.Mcp;
using IstioTutor.Bot.Observability;
using IstioTutor.Bot.WebChat;
using IstioTutor.Core.Hosting;
using IstioTutor.Sandbox.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Hosting;

/// <summary>
/// Builds the web host that `istiotutor serve`, the tests and the benchmarks start: Bot Framework at
/// /api/messages, the web chat at / and /api/chat, the mentor dashboard, MCP at /mcp, /healthz, /readyz and /metrics.
/// </summary>
public static class BotHost
{
    /// <param name="dataDirectory">The CLI's <c>--data</c>, if given.</param>
    /// <param name="overrides">Settings that win over every other source (the CLI's <c>--port</c>; tests).</param>
    /// <param name="configureServices">Extra services, registered after the tutor's (tests add narrow commands here).</param>
    /// <param name="configureLogging">Extra log providers (tests capture what the host logs).</param>
    public static WebApplication Build(
        string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null,
        Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddTutorSources();
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole();
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddOptions<ServeOptions>().Bind(builder.Configuration.GetSection(ServeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServeOptions>, ServeOptionsValidator>();
        builder.Services.AddSingleton(sp => NetworkExposure.Of(sp.GetRequiredService<IOptions<ServeOptions>>().Value, sp.GetRequiredService<IOptions<BotOptions>>().Value));
        builder.Services.AddHostedService<ExposureStartupWarning>();
        var serve = builder.Configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
        builder.WebHost.UseUrls($"http://{serve.Address}:{serve.Port}");

        builder.Services
            .AddIstioTutor(builder.Configuration, dataDirectory)
            .AddEmbeddedSandbox() // started on first use (a lab, /readyz), so plain questions never open a port
            .AddBotChannels(builder.Configuration)
            .AddWebChat()
            .AddHostHealth()
            .AddHostObservability()
            .AddMentorDashboard(builder.Configuration)
            .AddTutorMcpHttp(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.MapBotChannels();
        app.MapWebChat();
        app.MapHostHealth();
        app.MapHostMetrics();
        app.MapMentorDashboard();
        app.MapTutorMcp();
        return app;
    }

    /// <summary>The address the started host listens on, with the port Kestrel picked when 0 was asked for.</summary>
    public static Uri BaseAddress(this WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
