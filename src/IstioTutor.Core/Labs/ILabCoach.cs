using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs;

/// <summary>
/// Writes one lab hint grounded in the learner's objects. The LLM coach implements it when a model is
/// configured; /hint works without one, from the catalogue's hints alone.
/// </summary>
public interface ILabCoach
{
    /// <summary>The hint with its checked citations, or null when the model gave nothing usable.</summary>
    Task<CoachReply?> LabHintAsync(LabHintRequest request, CancellationToken cancellationToken);
}
