namespace IstioTutor.Core.Answering.Llm;

/// <summary>
/// Opens the cluster tools a model may use for one learner's turn: the guarded plugin bound to that
/// learner, the filters that hold the model to reading, analyzing, simulating and previewing, and the
/// name masker for what leaves the process.
/// </summary>
public interface IModelToolbox
{
    Task<ModelToolSession> OpenAsync(AnswerRequest request, CancellationToken cancellationToken);
}
