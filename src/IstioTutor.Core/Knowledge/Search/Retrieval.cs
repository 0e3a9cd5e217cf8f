using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>
/// What the curriculum offers for one question. <see cref="Hits"/> are ranked for the learner's stage;
/// when <see cref="OnTopic"/> is false nothing in them may be presented as an answer.
/// <see cref="Lang"/> is the language of the material, which differs from the question's only when a
/// lesson exists in the other language alone.
/// </summary>
public sealed record Retrieval(
    IReadOnlyList<SearchHit> Hits,
    bool OnTopic,
    DomainEvidence Evidence,
    string Lang,
    Stage LearnerStage)
{
    public SearchHit? Best => Hits.Count > 0 ? Hits[0] : null;

    /// <summary>The best section is beyond the learner's stage: the answer must say so.</summary>
    public bool BestIsLaterStage => Best is { } b && b.Section.Stage > LearnerStage;
}
