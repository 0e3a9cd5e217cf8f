using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Bot.Hosting;

/// <summary>Logs, once at start, that the development switch opened an unauthenticated door to the network.</summary>
internal sealed class ExposureStartupWarning(NetworkExposure exposure, ILogger<ExposureStartupWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (exposure.UnauthenticatedBeyondLoopback)
        {
            logger.LogWarning("{Warning}", exposure.Warning);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
