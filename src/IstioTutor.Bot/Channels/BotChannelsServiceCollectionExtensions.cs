using System.Security.Cryptography.X509Certificates;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Channels;

public static class BotChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Bot Framework for Teams and Slack: the <c>Bot</c> options, their authentication (password,
    /// certificate, managed identity, or none for local use), the adapter and the bot.
    /// </summary>
    public static IServiceCollection AddBotChannels(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BotOptions.Section);
        services.AddOptions<BotOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddHttpClient(ConnectorHttpClientFactory.ClientName, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<BotOptions>>().Value.ReplyTimeoutSeconds));
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<TutorCloudAdapter>>();
            ServiceClientCredentialsFactory? credentials = string.IsNullOrWhiteSpace(options.CertificatePath)
                ? null
                : new CertificateServiceClientCredentialsFactory(
                    X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword),
                    options.MicrosoftAppId,
                    options.MicrosoftAppTenantId,
                    httpClient: null,
                    logger: logger);
            // Bot Framework reads MicrosoftAppId/MicrosoftAppPassword/MicrosoftAppType/MicrosoftAppTenantId from the section.
            var http = new ConnectorHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>());
            return new ReplyServiceUrlGuard(new ConfigurationBotFrameworkAuthentication(section, credentials, null, http, logger));
        });
        services.AddSingleton<TutorCloudAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<TutorCloudAdapter>());
        services.AddSingleton<TutorBot>();
        services.AddSingleton(sp => new SlackCommands(sp.GetRequiredService<Core.Pipeline.CommandRegistry>().All.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)));
        return services;
    }
}
