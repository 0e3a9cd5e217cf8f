using IstioTutor.Core.Turns;
namespace IstioTutor.Core.Progress.Linking;

/// <summary>What redeeming a link code did; <see cref="Learner"/> is the linked learner on success.</summary>
public sealed record LinkOutcome(LinkStatus Status, Learner? Learner = null);
