using IstioTutor.Core.Guard;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Analysis;
using IstioTutor.Mesh.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Core.Tools;

/// <summary>
/// Builds the plugin for one actor: from a chat turn (the learner acts) or for a model acting in that turn.
/// The guard and the cluster behind it are resolved on first use, so hosts that never touch the mesh
/// (a knowledge-only test, /help) do not need a cluster to build the command registry.
/// </summary>
public sealed class MeshToolsFactory(IServiceProvider services)
{
    public MeshToolsPlugin For(Actor actor) => new(
        actor,
        services.GetRequiredService<GuardedMesh>(),
        services.GetRequiredService<LabGrader>(),
        services.GetRequiredService<LabCatalog>(),
        services.GetRequiredService<MeshAnalyzer>(),
        services.GetRequiredService<TrafficSimulator>());

    public MeshToolsPlugin For(TurnContext context, bool modelInitiated = false) => For(Actor.From(context, modelInitiated));
}
