using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IstioTutor.Mesh.Cluster;

public static class MeshServiceCollectionExtensions
{
    /// <summary>
    /// The cluster seam: <see cref="IMeshCluster"/> over KubernetesClient, connected to the embedded sandbox
    /// (<c>Mesh:Mode</c> = embedded; the host must also call <c>AddEmbeddedSandbox()</c> from
    /// IstioTutor.Sandbox) or to a real cluster by kubeconfig.
    /// </summary>
    public static IServiceCollection AddMesh(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeshOptions>().Bind(configuration.GetSection(MeshOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IClusterConnection>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MeshOptions>>().Value;
            if (options.Mode == MeshMode.Kubeconfig)
            {
                return new KubeconfigClusterConnection(options);
            }

            var sandbox = sp.GetService<IEmbeddedSandbox>() ?? throw new InvalidOperationException(
                "Mesh:Mode is 'embedded' but this host did not add the embedded sandbox: call services.AddEmbeddedSandbox() (IstioTutor.Sandbox) in its composition root, or set Mesh:Mode to 'kubeconfig'.");
            return new EmbeddedClusterConnection(sandbox);
        });
        services.AddSingleton<IMeshCluster, KubernetesMeshCluster>();
        return services;
    }
}
