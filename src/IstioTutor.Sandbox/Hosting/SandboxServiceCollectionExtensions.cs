using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Sandbox.Hosting;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Lets <c>Mesh:Mode = embedded</c> work: the simulated API server starts in-process on first use of
    /// <see cref="IMeshCluster"/>, validating writes with the registered <see cref="IResourceValidator"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddedSandbox(this IServiceCollection services)
    {
        services.AddSingleton<EmbeddedSandbox>();
        services.AddSingleton<IEmbeddedSandbox>(sp => sp.GetRequiredService<EmbeddedSandbox>());
        return services;
    }
}
