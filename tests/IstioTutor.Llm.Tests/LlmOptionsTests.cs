using IstioTutor.Core.Answering;
using IstioTutor.Core.Answering.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IstioTutor.Llm.Tests;

public sealed class LlmOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("istiotutor-llm-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_api_key_in_appsettings_json_stops_the_start_up_naming_the_environment_variable()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("""{ "Llm": { "Provider": "openai", "Model": "m", "ApiKey": "sk-in-a-file" } }"""));

        Assert.Contains("Llm:ApiKey is set in", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISTIOTUTOR_Llm__ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_key_from_the_environment_is_accepted()
    {
        Environment.SetEnvironmentVariable("ISTIOTUTOR_LLMOPTIONSTEST_Llm__ApiKey", "sk-from-env");
        try
        {
            var options = Resolve("""{ "Llm": { "Provider": "openai", "Model": "m" } }""", "ISTIOTUTOR_LLMOPTIONSTEST_");

            Assert.Equal("sk-from-env", options.ApiKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ISTIOTUTOR_LLMOPTIONSTEST_Llm__ApiKey", null);
        }
    }

    [Theory]
    [InlineData("""{ "Llm": { "Provider": "anthropic" } }""", "Llm:Provider must be none, openai or azure-openai")]
    [InlineData("""{ "Llm": { "Provider": "openai" } }""", "Llm:Model is empty")]
    [InlineData("""{ "Llm": { "Provider": "openai", "Model": "m", "Endpoint": "localhost:11434" } }""", "is not an absolute http(s) address")]
    [InlineData("""{ "Llm": { "Provider": "azure-openai", "Model": "d" } }""", "azure-openai needs the resource address")]
    [InlineData("""{ "Llm": { "Provider": "openai", "Model": "m", "RequestTimeoutSeconds": 0 } }""", "RequestTimeoutSeconds")]
    [InlineData("""{ "Llm": { "Provider": "openai", "Model": "m", "Embeddings": { "EmbeddingModel": "e", "BatchSize": 0 } } }""", "Llm:Embeddings:BatchSize is 0")]
    [InlineData("""{ "Llm": { "Provider": "openai", "Model": "m", "Embeddings": { "EmbeddingModel": "e", "VectorCandidates": 99 } } }""", "Llm:Embeddings:VectorCandidates is 99")]
    public void A_bad_setting_fails_at_start_with_the_key_named(string json, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_none_is_the_default_and_leaves_the_offline_engine_answering()
    {
        var configuration = Configuration("""{ }""");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<OfflineAnswerEngine>(_ => null!);
        services.AddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<OfflineAnswerEngine>());
        services.AddLlmAnswering(configuration);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(LlmAnswerEngine));
        Assert.Equal(LlmOptions.ProviderNone, services.BuildServiceProvider().GetRequiredService<IOptions<LlmOptions>>().Value.Provider);
    }

    private LlmOptions Resolve(string json, string environmentPrefix = "ISTIOTUTOR_")
    {
        var configuration = Configuration(json, environmentPrefix);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLlmAnswering(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LlmOptions>>().Value;
    }

    private IConfigurationRoot Configuration(string json, string environmentPrefix = "ISTIOTUTOR_")
    {
        var file = Path.Combine(_dir, "appsettings.json");
        File.WriteAllText(file, json);
        return new ConfigurationBuilder().AddJsonFile(file).AddEnvironmentVariables(environmentPrefix).Build();
    }
}
