using IstioTutor.Core.Hosting;
using IstioTutor.Sandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// The DI container every <c>istiotutor</c> subcommand runs on: configuration from
/// <see cref="TutorConfiguration"/>, <c>AddIstioTutor</c> with the <c>--data</c> override, logs on
/// standard error (standard output stays clean for <c>--json</c>), options validated before any work.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliHost(ServiceProvider provider, IConfiguration configuration)
    {
        _provider = provider;
        Configuration = configuration;
    }

    public IServiceProvider Services => _provider;

    public IConfiguration Configuration { get; }

    /// <param name="dataDirectory">The <c>--data</c> value, if given.</param>
    /// <param name="configure">Extra registrations of the calling command (a sandbox server, say).</param>
    /// <exception cref="OptionsValidationException">A setting in appsettings.json is invalid; the message names it.</exception>
    public static CliHost Start(string? dataDirectory, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddTutorSources().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddIstioTutor(configuration, dataDirectory);
        services.AddEmbeddedSandbox(); // started on first use only, so plain questions never open a port
        configure?.Invoke(services, configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        provider.GetService<IStartupValidator>()?.Validate();
        return new CliHost(provider, configuration);
    }

    /// <summary>
    /// <see cref="Start"/> for commands: an invalid setting is printed to standard error (naming the key)
    /// and null returned, so every command answers a bad configuration the same way (exit code 2).
    /// </summary>
    public static async Task<CliHost?> TryStartAsync(string? dataDirectory)
    {
        try
        {
            return Start(dataDirectory);
        }
        catch (Exception e) when (ConfigurationError.Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return null;
        }
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
