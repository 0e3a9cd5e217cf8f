using IstioTutor.Bot.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IstioTutor.Bot.Health;

/// <summary>
/// Says on /readyz whether Bot Framework requests are authenticated. Degraded (still 200, the host works)
/// when the development switch lets an unauthenticated door listen beyond loopback.
/// </summary>
internal sealed class ExposureReadinessCheck(NetworkExposure exposure) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(exposure switch
        {
            { UnauthenticatedBeyondLoopback: true } => HealthCheckResult.Degraded(exposure.Warning),
            { Authenticated: true } => HealthCheckResult.Healthy("Bot Framework requests need a valid token."),
            _ => HealthCheckResult.Healthy($"Bot Framework requests are not authenticated; the host listens on loopback ({exposure.Address}) only."),
        });
}
