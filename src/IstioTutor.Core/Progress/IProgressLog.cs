namespace IstioTutor.Core.Progress;

/// <summary>Append-only record of learner progress; a write is durable when the call returns.</summary>
public interface IProgressLog
{
    void Record(ProgressEvent progressEvent);

    IReadOnlyList<ProgressEvent> ForLearner(string learnerId, int limit = 200);
}
