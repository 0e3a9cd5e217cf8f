namespace IstioTutor.Core.Answering;

/// <summary>
/// Answers a plain question. The offline engine (retrieval + composition) is the embedded default;
/// the LLM engine plugs in behind the same interface.
/// </summary>
public interface IAnswerEngine
{
    Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);
}
