using IstioTutor.Core.Progress.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IstioTutor.Bot.Health;

/// <summary>Ready when the LiteDB file answers a read.</summary>
internal sealed class StoreReadinessCheck(TutorDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var collections = database.Database.GetCollectionNames().Count();
            return Task.FromResult(HealthCheckResult.Healthy($"{database.FilePath} open ({collections} collections)"));
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException or ObjectDisposedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the learner store {database.FilePath} cannot be read: {e.Message}"));
        }
    }
}
