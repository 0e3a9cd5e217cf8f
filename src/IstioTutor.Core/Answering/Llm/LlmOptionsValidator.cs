using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Checks the <c>Llm</c> section as a whole at start-up: what a provider needs, a well-formed endpoint,
/// and that the API key did not come from a JSON file (which would end up in a repository or an image).
/// </summary>
public sealed class LlmOptionsValidator(IConfiguration configuration) : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        if (KeyFromJsonFile() is { } file)
        {
            failures.Add($"Llm:ApiKey is set in {file}. Keys must not be stored in appsettings files: remove it there and set the environment variable ISTIOTUTOR_Llm__ApiKey (or a user secret) instead.");
        }

        if (!options.Enabled)
        {
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"Llm:Model is empty but Llm:Provider is '{options.Provider}'. Set the model id (openai) or the deployment name (azure-openai), or set Llm:Provider to none.");
        }

        var endpointRequired = options.Provider == LlmOptions.ProviderAzureOpenAi;
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            if (endpointRequired)
            {
                failures.Add("Llm:Endpoint is empty; azure-openai needs the resource address (https://NAME.openai.azure.com/).");
            }
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Llm:Endpoint '{options.Endpoint}' is not an absolute http(s) address. Example: http://127.0.0.1:11434/v1");
        }

        if (options.Provider == LlmOptions.ProviderAzureOpenAi && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Llm:ApiKey is empty; azure-openai needs a key. Set the environment variable ISTIOTUTOR_Llm__ApiKey.");
        }

        ValidateEmbeddings(options.Embeddings, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEmbeddings(Hybrid.LlmEmbeddingOptions e, List<string> failures)
    {
        if (!e.Enabled)
        {
            return;
        }

        if (e.Dimensions is < 0 or > 16_384)
        {
            failures.Add($"Llm:Embeddings:Dimensions is {e.Dimensions}; use 0 (the model's own size) or a size from 1 to 16384.");
        }

        if (e.BatchSize is < 1 or > 2048)
        {
            failures.Add($"Llm:Embeddings:BatchSize is {e.BatchSize}; it must be from 1 to 2048 (OpenAI accepts at most 2048 inputs per request).");
        }

        if (e.VectorCandidates is < 1 or > 50)
        {
            failures.Add($"Llm:Embeddings:VectorCandidates is {e.VectorCandidates}; it must be from 1 to 50.");
        }

        if (e.RetryAfterFailureSeconds is < 0 or > 3600)
        {
            failures.Add($"Llm:Embeddings:RetryAfterFailureSeconds is {e.RetryAfterFailureSeconds}; it must be from 0 to 3600.");
        }
    }

    private string? KeyFromJsonFile()
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        // User secrets are a JSON file too, but one kept outside the project: that source is allowed.
        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>()
                     .Where(p => !string.Equals(Path.GetFileName(p.Source.Path), "secrets.json", StringComparison.OrdinalIgnoreCase)))
        {
            if (provider.TryGet($"{LlmOptions.Section}:{nameof(LlmOptions.ApiKey)}", out var value) && !string.IsNullOrEmpty(value))
            {
                return provider.Source.Path ?? "an appsettings file";
            }
        }

        return null;
    }
}
