using IstioTutor.Core.Observability;
using OpenTelemetry.Metrics;

namespace IstioTutor.Bot.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>The tutor's meter and ASP.NET Core's request metrics, exported for Prometheus.</summary>
    public static IServiceCollection AddHostObservability(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TutorMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>GET /metrics in the Prometheus text format.</summary>
    public static IEndpointRouteBuilder MapHostMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }
}
