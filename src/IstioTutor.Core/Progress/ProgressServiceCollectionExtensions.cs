using IstioTutor.Core.Progress.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>The LiteDB file in the data directory and the stores over it.</summary>
    public static IServiceCollection AddProgressStore(this IServiceCollection services)
    {
        services.AddSingleton<TutorDatabase>();
        services.AddSingleton<ILearnerStore, LiteDbLearnerStore>();
        services.AddSingleton<IProgressLog, LiteDbProgressLog>();
        return services;
    }
}
