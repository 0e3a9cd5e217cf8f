using System.Reflection;
using IstioTutor.Core.Turns;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// The Semantic Kernel prompt templates embedded from <c>prompts/</c>, one folder each in SK's prompt
/// directory layout (<c>skprompt.txt</c> + <c>config.json</c>). A template whose required variable is
/// not supplied fails to render instead of silently leaving a blank.
/// </summary>
public sealed class PromptLibrary
{
    public const string GroundedAnswer = "grounded-answer";
    public const string LabHint = "lab-hint";
    public const string QuizFeedback = "quiz-feedback";

    private const string ResourcePrefix = "prompts/";
    private const string TemplateFile = "/skprompt.txt";
    private const string ConfigFile = "/config.json";

    // Rendered text is placed whole into one chat message and never parsed back into roles, so SK's
    // tag encoding would only garble '<' in lesson YAML; reference data is fenced by ReferenceBlocks instead.
    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };

    private readonly Dictionary<string, (PromptTemplateConfig Config, IPromptTemplate Template)> _templates;
    private readonly Kernel _kernel = new();

    public PromptLibrary()
        : this(typeof(PromptLibrary).Assembly)
    {
    }

    internal PromptLibrary(Assembly assembly)
    {
        _templates = new Dictionary<string, (PromptTemplateConfig, IPromptTemplate)>(StringComparer.Ordinal);
        var names = assembly.GetManifestResourceNames();
        foreach (var resource in names.Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(TemplateFile, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..^TemplateFile.Length];
            var configResource = ResourcePrefix + name + ConfigFile;
            var config = names.Contains(configResource)
                ? PromptTemplateConfig.FromJson(Read(assembly, configResource))
                : new PromptTemplateConfig { Name = name };
            config.Template = Read(assembly, resource);
            _templates[name] = (config, Factory.Create(config));
        }
    }

    /// <summary>Every template's name ("grounded-answer", "system/beginner.en", …).</summary>
    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>The system prompt's template name for a stage and reply language.</summary>
    public static string SystemPrompt(Stage stage, string lang) => $"system/{stage.ToName()}.{(lang == "ko" ? "ko" : "en")}";

    public PromptTemplateConfig Config(string name) => Get(name).Config;

    public async Task<string> RenderAsync(string name, KernelArguments arguments, CancellationToken cancellationToken = default)
    {
        var (config, template) = Get(name);
        var missing = config.InputVariables
            .Where(v => v.IsRequired && !(arguments.TryGetValue(v.Name, out var value) && value is not null))
            .Select(v => v.Name)
            .ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"Prompt '{name}' needs the variable(s) {string.Join(", ", missing)}, which were not given.", nameof(arguments));
        }

        return (await template.RenderAsync(_kernel, arguments, cancellationToken)).Trim();
    }

    private (PromptTemplateConfig Config, IPromptTemplate Template) Get(string name) =>
        _templates.TryGetValue(name, out var entry)
            ? entry
            : throw new KeyNotFoundException($"No prompt template '{name}' is embedded. Known: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}.");

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
