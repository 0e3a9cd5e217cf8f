namespace IstioTutor.Core.Answering.Evaluation;

/// <summary>
/// One system's totals. Hit rate and stage-match rate are over on-topic questions whose lesson exists in
/// the loaded curriculum (<see cref="Answerable"/>); refusals are over off-topic questions.
/// </summary>
public sealed record EvalScore(string System, int Answerable, int Hits, int StageMatches, int OffTopic, int Refused, IReadOnlyList<EvalOutcome> Outcomes)
{
    public double HitRate => Answerable == 0 ? 0 : (double)Hits / Answerable;
    public double StageMatchRate => Answerable == 0 ? 0 : (double)StageMatches / Answerable;
    public double RefusalRate => OffTopic == 0 ? 0 : (double)Refused / OffTopic;
}
