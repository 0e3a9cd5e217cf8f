using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Builds the Semantic Kernel for the configured provider. The HttpClient is ours (no overall timeout:
/// <see cref="ResilientChat"/> times each attempt), which also turns off the SDK's own retries so
/// retries happen in one place.
/// </summary>
public static class LlmKernelFactory
{
    public static Kernel Create(LlmOptions options, HttpClient httpClient, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Kernel.CreateBuilder();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        switch (options.Provider)
        {
            case LlmOptions.ProviderOpenAi:
                var endpoint = new Uri(string.IsNullOrWhiteSpace(options.Endpoint) ? "https://api.openai.com/v1" : options.Endpoint);
                // Local servers (Ollama, llama.cpp) take no key, but the client insists on one; a dummy never leaves for a keyless server that ignores it.
                builder.AddOpenAIChatCompletion(options.Model!, endpoint, string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey, httpClient: httpClient);
                break;
            case LlmOptions.ProviderAzureOpenAi:
                builder.AddAzureOpenAIChatCompletion(options.Model!, options.Endpoint!, options.ApiKey!, httpClient: httpClient);
                break;
            default:
                throw new InvalidOperationException($"Llm:Provider '{options.Provider}' has no chat model; the offline engine answers instead.");
        }

        return builder.Build();
    }
}
