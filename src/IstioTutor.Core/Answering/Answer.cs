using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Answering;

/// <summary>
/// A composed answer. <see cref="Grounded"/> is false when the curriculum does not support an answer;
/// then <see cref="Citations"/> is empty. <see cref="PendingAction"/> is a change the model previewed for
/// the learner, waiting for their confirmation.
/// </summary>
public sealed record Answer(string Text, bool Grounded, IReadOnlyList<Citation> Citations, IReadOnlyList<TutorCard>? Cards = null, PendingActionView? PendingAction = null);
