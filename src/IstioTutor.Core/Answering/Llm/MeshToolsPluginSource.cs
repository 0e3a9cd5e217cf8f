using IstioTutor.Core.Guard;
using IstioTutor.Core.Tools;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>The labs branch's guarded <see cref="MeshToolsPlugin"/>, the same one the chat commands use, as the model's tools.</summary>
public sealed class MeshToolsPluginSource(MeshToolsFactory factory) : IModelPluginSource
{
    public const string PluginName = "mesh";

    public KernelPlugin Create(Actor actor) => KernelPluginFactory.CreateFromObject(factory.For(actor), PluginName);
}
