using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IstioTutor.Bot.Health;

/// <summary>
/// Ready when the cluster answers at all: a 4xx API error (403 from narrow RBAC, say) still proves it is
/// reachable; a failed connection, an unusable kubeconfig, a 5xx or a time-out is not ready. Healthy with a note when no cluster
/// is configured, since questions and lessons work without one.
/// </summary>
internal sealed class ClusterReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IMeshCluster>() is not { } cluster)
        {
            return HealthCheckResult.Healthy("no cluster is configured; labs are unavailable");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await cluster.ListAsync(ResourceKinds.Namespace, null, null, timeout.Token);
            return HealthCheckResult.Healthy($"{cluster.Description} reachable");
        }
        catch (MeshApiException e) when (e.Code >= 500)
        {
            // The client reports a refused connection or an unusable kubeconfig as a 5xx of its own, and an API
            // server answering 5xx is not serving either: neither is ready.
            return HealthCheckResult.Unhealthy($"{cluster.Description} is not reachable: {e.Message}");
        }
        catch (MeshApiException e)
        {
            return HealthCheckResult.Healthy($"{cluster.Description} reachable (answered: {e.Message})");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return HealthCheckResult.Unhealthy($"{cluster.Description} is not reachable: {e.Message}");
        }
    }
}
