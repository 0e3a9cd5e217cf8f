using IstioTutor.Core.Answering;
using IstioTutor.Core.Hosting;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Sandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Llm.Tests;

/// <summary>
/// The tutor composed exactly as a door composes it (AddIstioTutor), over a fresh data directory, with
/// the Llm section pointed at the loopback model server. Settings can be overridden per test.
/// </summary>
public sealed class TutorHarness : IDisposable
{
    public const string ApiKey = "sk-test-9f3c2a7e-never-in-a-message";

    private readonly ServiceProvider _services;
    private readonly bool _ownsDirectory;

    public TutorHarness(LlmFixture fixture, IDictionary<string, string?>? overrides = null, string? dataDirectory = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "istiotutor-llm-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["Tutor:DataDirectory"] = DataDirectory,
            ["Llm:Provider"] = "openai",
            ["Llm:Model"] = "tutor-test-model",
            ["Llm:Endpoint"] = fixture.Model.OpenAiEndpoint,
            ["Llm:ApiKey"] = ApiKey,
            ["Llm:RequestTimeoutSeconds"] = "5",
            ["Llm:MaxRetries"] = "1",
            ["Llm:RetryBaseDelayMilliseconds"] = "20",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddIstioTutor(configuration);
        services.AddEmbeddedSandbox();
        // The curriculum index is built once per collection; the rest of the composition is the real one.
        services.AddSingleton(fixture.Knowledge);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Validate();
    }

    public string DataDirectory { get; }

    public LogCollector Logs { get; } = new();

    public TutorPipeline Pipeline => _services.GetRequiredService<TutorPipeline>();

    public IAnswerEngine Engine => _services.GetRequiredService<IAnswerEngine>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public Learner Learner(string channelUserId = "alice") =>
        _services.GetRequiredService<ILearnerStore>().Resolve(Door.Terminal, channelUserId, null);

    public Task<Answer> AskAsync(string question, string learner = "alice", string lang = "en", Stage stage = Stage.Beginner, string conversation = "c1") =>
        Engine.AnswerAsync(new AnswerRequest(question, lang, stage, Learner(learner), conversation, Door.Terminal), CancellationToken.None);

    public void Dispose()
    {
        _services.Dispose();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // LiteDB may still hold the file briefly on a loaded machine; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>Runs ValidateOnStart's checks the way the generic host does at start-up.</summary>
    private void Validate()
    {
        var validator = _services.GetService<Microsoft.Extensions.Options.IStartupValidator>();
        validator?.Validate();
    }
}
