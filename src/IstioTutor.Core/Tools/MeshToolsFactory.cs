using IstioTutor.Core.Guard;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Mesh.Istio.Analysis;
using IstioTutor.Core.Mesh.Istio.Simulation;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools;

/// <summary>Builds the plugin for one actor: from a chat turn (the learner acts) or for a model acting in that turn.</summary>
public sealed class MeshToolsFactory(GuardedMesh mesh, LabGrader grader, LabCatalog labs, MeshAnalyzer analyzer, TrafficSimulator simulator)
{
    public MeshToolsPlugin For(Actor actor) => new(actor, mesh, grader, labs, analyzer, simulator);

    public MeshToolsPlugin For(TurnContext context, bool modelInitiated = false) => For(Actor.From(context, modelInitiated));
}
