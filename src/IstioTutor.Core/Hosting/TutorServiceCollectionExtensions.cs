using IstioTutor.Core.Answering;
using IstioTutor.Core.Answering.Llm;
using IstioTutor.Core.Curriculum;
using IstioTutor.Core.Knowledge;
using IstioTutor.Core.Labs;
using IstioTutor.Core.McpAccess;
using IstioTutor.Core.Observability;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Tools;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Hosting;

public static class TutorServiceCollectionExtensions
{
    /// <summary>
    /// Everything a door needs to run turns — the composition root's table of contents.
    /// <paramref name="dataDirectoryOverride"/> is the CLI's <c>--data</c>, if given.
    /// </summary>
    public static IServiceCollection AddIstioTutor(this IServiceCollection services, IConfiguration configuration, string? dataDirectoryOverride = null)
    {
        services.AddOptions<TutorOptions>().Bind(configuration.GetSection(TutorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new DataDirectory(
            DataDirectory.Choose(dataDirectoryOverride, sp.GetRequiredService<IOptions<TutorOptions>>().Value.DataDirectory)));

        return services
            .AddTutor()
            .AddKnowledge(configuration)
            .AddCurriculum()
            .AddOfflineAnswering()
            .AddLlmAnswering(configuration)
            .AddTutorMetrics()
            .AddProgressStore(configuration)
            .AddIstioSemantics()
            .AddMesh(configuration)
            .AddMeshTools(configuration)
            .AddLabs()
            .AddMcpAccess();
    }
}
