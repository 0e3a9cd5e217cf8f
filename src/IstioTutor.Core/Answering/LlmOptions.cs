using System.ComponentModel.DataAnnotations;
using IstioTutor.Core.Answering.Llm.Hybrid;

namespace IstioTutor.Core.Answering;

/// <summary>
/// The <c>Llm</c> section of appsettings.json. With <see cref="Provider"/> <c>none</c> (the default) the
/// offline engine answers; otherwise the LLM engine answers and falls back to the offline one when the
/// model fails. <see cref="ApiKey"/> is read only from the environment (<c>ISTIOTUTOR_Llm__ApiKey</c>) or
/// user secrets: a key found in an appsettings.json file stops the start-up.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    public const string ProviderNone = "none";
    public const string ProviderOpenAi = "openai";
    public const string ProviderAzureOpenAi = "azure-openai";

    /// <summary><c>none</c>, <c>openai</c> (any OpenAI-compatible endpoint: OpenAI, vLLM, Ollama, llama.cpp, LM Studio) or <c>azure-openai</c>.</summary>
    [Required]
    [RegularExpression("^(none|openai|azure-openai)$", ErrorMessage = "Llm:Provider must be none, openai or azure-openai.")]
    public string Provider { get; set; } = ProviderNone;

    /// <summary>The model id (openai) or the deployment name (azure-openai).</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Base address. For openai it ends before <c>/chat/completions</c> (e.g. <c>http://127.0.0.1:11434/v1</c>);
    /// empty means api.openai.com. For azure-openai it is the resource address.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>From the environment or user secrets only. Optional for local OpenAI-compatible servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one model request (including its tool-call rounds) may take before it counts as failed.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Further attempts after a failed one (timeout, connection error, 429, 5xx) before the offline answer is used.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Delay before the first retry; each later retry waits twice as long.</summary>
    [Range(0, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>
    /// Approximate tokens the prompt may use: system prompt, curriculum sections, question and as much
    /// of the conversation history as fits (oldest dropped first). See <c>TokenEstimator</c>.
    /// </summary>
    [Range(1000, 1_000_000)]
    public int TokenBudget { get; set; } = 6000;

    /// <summary>Most curriculum sections put in front of the model per question.</summary>
    [Range(1, 10)]
    public int MaxSections { get; set; } = 4;

    /// <summary>Upper bound on the answer's length in tokens, sent to the model as max_tokens.</summary>
    [Range(64, 16_000)]
    public int MaxOutputTokens { get; set; } = 900;

    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.2;

    /// <summary>Let the model call the guarded cluster tools (read, analyze, simulate, preview) for the learner.</summary>
    public bool EnableTools { get; set; } = true;

    /// <summary>Most tool calls the model may make in one turn; further rounds are stopped.</summary>
    [Range(0, 32)]
    public int MaxToolCallsPerTurn { get; set; } = 8;

    /// <summary>
    /// Replace the learner's id, namespace and sandbox object names with neutral tokens (<c>name-1</c>, …)
    /// before any text leaves for the model, and restore them in the reply and in tool-call arguments.
    /// </summary>
    public bool MaskResourceNames { get; set; }

    /// <summary>Optional hybrid retrieval (BM25 fused with section vectors); off while its model is empty.</summary>
    public LlmEmbeddingOptions Embeddings { get; set; } = new();

    public bool Enabled => !string.Equals(Provider, ProviderNone, StringComparison.Ordinal);
}
