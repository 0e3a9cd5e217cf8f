using IstioTutor.Core.Answering.Llm.Hybrid;
using IstioTutor.Core.Guard;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Answering.Llm;

public static class LlmServiceCollectionExtensions
{
    public const string HttpClientName = "IstioTutor.Llm";

    /// <summary>
    /// The <c>Llm</c> options (validated at start even when the provider is none, so a key left in a
    /// JSON file is caught) and, when a provider is configured, the LLM engine as the
    /// <see cref="IAnswerEngine"/> in place of the offline one, which stays registered as its fallback.
    /// </summary>
    public static IServiceCollection AddLlmAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>>(new LlmOptionsValidator(configuration));
        var provider = configuration.GetSection(LlmOptions.Section)[nameof(LlmOptions.Provider)] ?? LlmOptions.ProviderNone;
        if (provider == LlmOptions.ProviderNone)
        {
            return services;
        }

        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => LlmKernelFactory.Create(
            sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<CitationChecker>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ModelCallPipeline>();
        services.AddSingleton<ResilientChat>();
        services.AddSingleton<ResilientEmbeddings>();
        services.AddSingleton<SectionVectorCache>();
        services.AddSingleton<SectionVectorIndex>();
        services.AddSingleton<HybridRetrieval>();
        // The guarded tools when the host has the guard and a plugin source; otherwise curriculum-only answers.
        services.TryAddSingleton<IModelPluginSource, MeshToolsPluginSource>();
        services.TryAddSingleton<IModelToolbox>(sp =>
            sp.GetService<MeshToolsFactory>() is not null && sp.GetService<GuardedMesh>() is not null
                ? ActivatorUtilities.CreateInstance<GuardedModelToolbox>(sp)
                : ActivatorUtilities.CreateInstance<NoModelToolbox>(sp));
        services.AddSingleton<LlmAnswerEngine>();
        services.AddSingleton<LlmCoach>();
        services.AddSingleton<ILabCoach>(sp => sp.GetRequiredService<LlmCoach>());
        services.Replace(ServiceDescriptor.Singleton<IAnswerEngine>(sp => sp.GetRequiredService<LlmAnswerEngine>()));
        return services;
    }
}
