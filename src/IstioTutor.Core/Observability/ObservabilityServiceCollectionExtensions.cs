using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IstioTutor.Core.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The tutor's metrics over the host's meter factory (exported only by hosts that export them); safe to call twice.</summary>
    public static IServiceCollection AddTutorMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<TutorMetrics>();
        return services;
    }
}
