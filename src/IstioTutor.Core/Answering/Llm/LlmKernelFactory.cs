using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using OpenAI;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Builds the Semantic Kernel for the configured provider. The HttpClient is ours (no overall timeout:
/// <see cref="ModelCallPipeline"/> times each attempt), which also turns off the SDK's own retries so
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
                var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
                builder.AddOpenAIChatCompletion(options.Model!, endpoint, key, httpClient: httpClient);
                if (options.Embeddings.Enabled)
                {
                    // SK's embedding overloads take no endpoint, so the client is built here: our HttpClient, and
                    // the SDK's own retries off so ModelCallPipeline is the one retry layer, as for chat.
                    var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
                    {
                        Endpoint = endpoint,
                        Transport = new HttpClientPipelineTransport(httpClient),
                        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    });
                    builder.AddOpenAIEmbeddingGenerator(options.Embeddings.EmbeddingModel, client, Dimensions(options));
                }

                break;
            case LlmOptions.ProviderAzureOpenAi:
                builder.AddAzureOpenAIChatCompletion(options.Model!, options.Endpoint!, options.ApiKey!, httpClient: httpClient);
                if (options.Embeddings.Enabled)
                {
                    builder.AddAzureOpenAIEmbeddingGenerator(options.Embeddings.EmbeddingModel, options.Endpoint!, options.ApiKey!, dimensions: Dimensions(options), httpClient: httpClient);
                }

                break;
            default:
                throw new InvalidOperationException($"Llm:Provider '{options.Provider}' has no chat model; the offline engine answers instead.");
        }

        return builder.Build();
    }

    private static int? Dimensions(LlmOptions options) => options.Embeddings.Dimensions > 0 ? options.Embeddings.Dimensions : null;
}
