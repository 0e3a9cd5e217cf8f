using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>Learners and their lasting turn state. Every write is committed before it returns.</summary>
public interface ILearnerStore
{
    /// <summary>Finds the learner linked to this door identity, creating one on first contact.</summary>
    Learner Resolve(Door door, string channelUserId, string? displayName);

    Learner? Find(string learnerId);

    void Save(Learner learner);
}
