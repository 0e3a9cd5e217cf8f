using IstioTutor.Core.Pipeline.Commands;
using IstioTutor.Core.Progress.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IstioTutor.Core.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The turn pipeline, its command registry and the commands that belong to no feature.</summary>
    public static IServiceCollection AddTutor(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandRegistry>();
        services.AddSingleton<TutorPipeline>();
        services.AddSingleton<ITurnCommand, HelpCommand>();
        services.AddSingleton<ITurnCommand, StageCommand>();
        return services;
    }
}
