using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IstioTutor.Bot.Health;

public static class HealthEndpoints
{
    /// <summary>The tag a feature gives its health check to make /readyz wait for it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>/healthz: the process is up. /readyz: every check tagged <see cref="ReadyTag"/> passes.</summary>
    public static IServiceCollection AddHostHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<KnowledgeReadinessCheck>("knowledge", tags: [ReadyTag])
            .AddCheck<StoreReadinessCheck>("store", tags: [ReadyTag])
            .AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag])
            .AddCheck<ExposureReadinessCheck>("authentication", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHostHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        return endpoints;
    }

    // Says which check failed and why, so an operator reading a failed probe knows what to fix.
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
