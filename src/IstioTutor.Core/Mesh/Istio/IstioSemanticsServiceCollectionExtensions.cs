using IstioTutor.Core.Mesh.Istio.Analysis;
using IstioTutor.Core.Mesh.Istio.Simulation;
using IstioTutor.Core.Mesh.Istio.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Mesh.Istio;

public static class IstioSemanticsServiceCollectionExtensions
{
    /// <summary>Istio validation (as <see cref="IResourceValidator"/>), analysis and the traffic simulator — all pure and stateless.</summary>
    public static IServiceCollection AddIstioSemantics(this IServiceCollection services)
    {
        services.AddSingleton<IstioValidator>();
        services.AddSingleton<IResourceValidator>(sp => sp.GetRequiredService<IstioValidator>());
        services.AddSingleton<MeshAnalyzer>();
        services.AddSingleton<TrafficSimulator>();
        return services;
    }
}
