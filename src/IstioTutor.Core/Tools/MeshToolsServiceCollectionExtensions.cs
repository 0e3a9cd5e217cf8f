using IstioTutor.Core.Guard;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Guard.Pending;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Observability;
using IstioTutor.Core.Tools.Commands;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Tools;

public static class MeshToolsServiceCollectionExtensions
{
    /// <summary>The guard (limits, policy, pending actions, audit log), the cluster tools plugin and its chat commands (with the lab commands that act through it, /check and /hint).</summary>
    public static IServiceCollection AddMeshTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GuardOptions>().Bind(configuration.GetSection(GuardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Every audited attempt is also counted (tool calls by outcome, refusals by rule).
        services.AddTutorMetrics();
        services.AddSingleton<LiteDbAuditLog>();
        services.AddSingleton<IAuditLog>(sp => new MeteredAuditLog(sp.GetRequiredService<LiteDbAuditLog>(), sp.GetRequiredService<TutorMetrics>()));
        services.AddSingleton<IPendingActionStore, LiteDbPendingActionStore>();
        services.AddSingleton<TrafficForecast>();
        services.AddSingleton<PreviewInsights>();
        services.AddSingleton<GuardedMesh>();
        services.AddSingleton<MeshToolsFactory>();
        services.AddSingleton<ITurnCommand, GetCommand>();
        services.AddSingleton<ITurnCommand, ApplyCommand>();
        services.AddSingleton<ITurnCommand, ConfirmCommand>();
        services.AddSingleton<ITurnCommand, CancelCommand>();
        services.AddSingleton<ITurnCommand, DeleteCommand>();
        services.AddSingleton<ITurnCommand, UndoCommand>();
        services.AddSingleton<ITurnCommand, ResetSandboxCommand>();
        services.AddSingleton<ITurnCommand, SimulateCommand>();
        services.AddSingleton<ITurnCommand, AnalyzeCommand>();
        services.AddSingleton<ITurnCommand, TopologyCommand>();
        services.AddSingleton<ITurnCommand, HintCommand>();
        services.AddSingleton<ITurnCommand, CheckCommand>();
        return services;
    }
}
