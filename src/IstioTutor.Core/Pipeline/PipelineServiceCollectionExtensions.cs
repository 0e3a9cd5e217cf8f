using IstioTutor.Core.Pipeline.Commands;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IstioTutor.Core.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The turn pipeline, its command registry and /help, the one command that belongs to no feature.</summary>
    public static IServiceCollection AddTutor(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandRegistry>();
        services.AddSingleton<TutorPipeline>();
        services.AddSingleton<LearnerTurnLock>();
        services.AddSingleton<ITurnCommand, HelpCommand>();
        return services;
    }
}
