using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Simulation;
using IstioTutor.Mesh.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Mesh;

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
