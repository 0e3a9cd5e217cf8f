using IstioTutor.Core.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IstioTutor.Bot.Health;

/// <summary>Ready once the curriculum is parsed and indexed (the first probe builds it if no turn has yet).</summary>
internal sealed class KnowledgeReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var stats = knowledge.Statistics;
        return Task.FromResult(stats.Lessons == 0
            ? HealthCheckResult.Unhealthy("no lessons loaded; see the 'Lesson problem' warnings in the log")
            : HealthCheckResult.Healthy($"{stats.Lessons} lessons, {stats.Sections} sections indexed"));
    }
}
