using IstioTutor.Core.Guard;
using Microsoft.SemanticKernel;

namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Makes the guarded cluster plugin for one actor. The actor is fixed by the door and marked
/// model-initiated; the plugin cannot act for anyone else, whatever the model writes in its arguments.
/// </summary>
public interface IModelPluginSource
{
    KernelPlugin Create(Actor actor);
}
