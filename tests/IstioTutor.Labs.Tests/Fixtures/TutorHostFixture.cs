using System.Text.Json.Nodes;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Hosting;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Tools;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using IstioTutor.Mesh.Model;
using IstioTutor.Sandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IstioTutor.Labs.Tests.Fixtures;

/// <summary>
/// The whole tutor as a door sees it, started once for the collection: the real pipeline, the LiteDB file
/// and the embedded sandbox API server on a free loopback port, in a temporary data directory. One mentor
/// is configured (terminal user "mentor").
/// </summary>
public sealed class TutorHostFixture : IAsyncLifetime
{
    public const string MentorUser = "mentor";

    private readonly string _root = Directory.CreateTempSubdirectory("istiotutor-labs-").FullName;
    private ServiceProvider? _provider;

    public TestClock Clock { get; } = new();

    public IServiceProvider Services => _provider!;

    public TutorPipeline Pipeline => Services.GetRequiredService<TutorPipeline>();

    public IMeshCluster Cluster => Services.GetRequiredService<IMeshCluster>();

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public MeshToolsFactory Tools => Services.GetRequiredService<MeshToolsFactory>();

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tutor:DataDirectory"] = Path.Combine(_root, "data"),
            ["Tutor:Mentors:0"] = $"terminal:{MentorUser}",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddIstioTutor(configuration);
        services.AddEmbeddedSandbox();
        _provider = services.BuildServiceProvider();
        _provider.GetService<IStartupValidator>()?.Validate();
        return Task.CompletedTask;
    }

    /// <summary>A learner id no other test uses.</summary>
    public static string NewLearner(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public Task<TurnResult> SendAsync(string learner, string text, string conversation = "c1", CardAction? action = null) =>
        Pipeline.HandleAsync(new TurnRequest(Door.Terminal, learner, conversation, text, DisplayName: learner, Action: action));

    /// <summary>/apply then /confirm of one manifest; returns the confirmation's reply.</summary>
    public async Task<TurnResult> ApplyAndConfirmAsync(string learner, string yaml, string conversation = "c1")
    {
        var preview = await SendAsync(learner, "/apply\n```yaml\n" + yaml + "\n```", conversation);
        Assert.True(preview.PendingAction is not null, "preview failed: " + preview.Text);
        var confirmed = await SendAsync(learner, "/confirm " + preview.PendingAction!.Id, conversation);
        Assert.StartsWith("Applied", confirmed.Text, StringComparison.Ordinal);
        return confirmed;
    }

    /// <summary>
    /// Every object of every kind the sandbox serves and the tutor can read (Istio config, namespaces, pods,
    /// services, service accounts, deployments) outside <paramref name="except"/>, as comparable JSON text.
    /// </summary>
    /// <summary>A kind the sandbox does not serve (404) has no objects to compare.</summary>
    private async Task<IReadOnlyList<JsonObject>> ListServedAsync(ResourceKind kind)
    {
        try
        {
            return await Cluster.ListAsync(kind, null, null, CancellationToken.None);
        }
        catch (MeshApiException e) when (e.Code == 404)
        {
            return [];
        }
    }

    public async Task<SortedDictionary<string, string>> SnapshotAllAsync(string? except)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in ResourceKinds.All)
        {
            foreach (var item in await ListServedAsync(kind))
            {
                var name = item["metadata"]?["name"]?.GetValue<string>() ?? "";
                var ns = kind.Namespaced ? item["metadata"]?["namespace"]?.GetValue<string>() ?? "" : name;
                if (ns != except)
                {
                    all[$"{(ResourceKinds.IsGatewayApi(kind.Group) ? $"{kind.Kind}.{kind.Group}" : kind.Kind)}/{ns}/{name}"] = item.ToJsonString();
                }
            }
        }

        return all;
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still be closing its file; the OS cleans the temp directory later.
        }
    }
}
