using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The tutor's metrics over the host's meter factory (exported only by hosts that export them).</summary>
    public static IServiceCollection AddTutorMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<TutorMetrics>();
        return services;
    }
}
