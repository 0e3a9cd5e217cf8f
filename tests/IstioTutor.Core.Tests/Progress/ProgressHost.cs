using IstioTutor.Core.Answering;
using IstioTutor.Core.Hosting;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Storage;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace IstioTutor.Core.Tests.Progress;

/// <summary>
/// The real tutor composition (AddIstioTutor) over a real LiteDB file in a fresh temp directory.
/// Only the answer engine is a Moq seam: progress tests do not need real answers.
/// "terminal:mentor" is a configured mentor and "terminal:root" an admin.
/// </summary>
public sealed class ProgressHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsData;

    public ProgressHost(Action<IServiceCollection>? extra = null, IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        _ownsData = dataDirectory is null;
        DataPath = dataDirectory ?? Directory.CreateTempSubdirectory("istiotutor-progress-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Tutor:DataDirectory"] = DataPath,
            ["Tutor:Mentors:0"] = "terminal:mentor",
            ["Tutor:Admins:0"] = "terminal:root",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var answers = new Mock<IAnswerEngine>();
        answers.Setup(a => a.AnswerAsync(It.IsAny<AnswerRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((AnswerRequest r, CancellationToken _) => new Answer($"answer to {r.Question}", r.Question.Contains("grounded", StringComparison.Ordinal), []));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddIstioTutor(configuration, DataPath);
        services.AddSingleton(answers.Object);
        extra?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public string DataPath { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public LiteDbProgressLog Log => Get<LiteDbProgressLog>();

    public ILearnerStore Learners => Get<ILearnerStore>();

    public IProgressSummaries Summaries => Get<IProgressSummaries>();

    public Task<TurnResult> SayAsync(string user, string text, Door door = Door.Terminal) =>
        Get<TutorPipeline>().HandleAsync(new TurnRequest(door, user, $"conv-{user}", text));

    public ProgressEvent Event(string learnerId, ProgressEventKind kind, string subject, double? score = null, bool? passed = null) =>
        new(learnerId, kind, subject, Door.Terminal, Clock.GetUtcNow(), score, passed);

    public void Dispose()
    {
        _services.Dispose();
        if (!_ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be releasing the file; the temp directory is cleaned by the OS.
        }
    }
}
