using IstioTutor.Core.Labs.Catalog;
using IstioTutor.Core.Labs.Commands;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Progress.Stages;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Labs;

public static class LabsServiceCollectionExtensions
{
    /// <summary>The graded labs, their grader and hint store, and /labs, /lab (/hint and /check act through the tools: <c>AddMeshTools</c>).</summary>
    public static IServiceCollection AddLabs(this IServiceCollection services)
    {
        services.AddSingleton<ILab, BookinfoGatewayLab>();
        services.AddSingleton<ILab, RequestRoutingLab>();
        services.AddSingleton<ILab, TrafficShiftingLab>();
        services.AddSingleton<ILab, FaultInjectionLab>();
        services.AddSingleton<ILab, TimeoutsRetriesLab>();
        services.AddSingleton<ILab, CircuitBreakingLab>();
        services.AddSingleton<ILab, MtlsStrictLab>();
        services.AddSingleton<ILab, AuthzPolicyLab>();
        services.AddSingleton<ILab, JwtAuthLab>();
        services.AddSingleton<ILab, EgressServiceEntryLab>();
        services.AddSingleton<ILab, TelemetryAccessLogsLab>();
        services.AddSingleton<ILab, EnvoyFilterHeaderLab>();
        services.AddSingleton<ILab, WasmPluginLab>();
        services.AddSingleton<ILab, LocalityFailoverLab>();
        services.AddSingleton<ILab, AmbientL4PolicyLab>();
        services.AddSingleton<ILab, AmbientWaypointLab>();
        services.AddSingleton<LabCatalog>();
        services.AddSingleton<ILabRoster>(sp => sp.GetRequiredService<LabCatalog>());
        services.AddSingleton<LabGrader>();
        services.AddSingleton<LabHintStore>();
        services.AddSingleton<ITurnCommand, LabsCommand>();
        services.AddSingleton<ITurnCommand, LabCommand>();
        return services;
    }
}
