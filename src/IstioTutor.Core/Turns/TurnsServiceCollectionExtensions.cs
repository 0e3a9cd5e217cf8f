using IstioTutor.Core.Turns.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IstioTutor.Core.Turns;

public static class TurnsServiceCollectionExtensions
{
    /// <summary>The turn pipeline, its command registry and the commands that belong to no feature.</summary>
    public static IServiceCollection AddTutor(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandRegistry>();
        services.AddSingleton<TutorPipeline>();
        services.AddSingleton<LearnerTurnLock>();
        services.AddSingleton<ITurnCommand, HelpCommand>();
        services.AddSingleton<ITurnCommand, StageCommand>();
        services.AddSingleton<ITurnCommand, LangCommand>();
        return services;
    }
}
