using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Progress;

/// <summary>Learners and their lasting turn state. Every write is committed before it returns.</summary>
public interface ILearnerStore
{
    /// <summary>
    /// Finds the learner linked to this door identity, creating one on first contact. An identity the door
    /// did not verify (<paramref name="identityVerified"/> false: Bot Framework without credentials, where
    /// anyone may claim any from.id) gets no role from configuration and acts as a learner whatever role is
    /// stored; the stored role itself is left as it is.
    /// </summary>
    Learner Resolve(Door door, string channelUserId, string? displayName, bool identityVerified = true);

    Learner? Find(string learnerId);

    /// <summary>
    /// The learner a turn acts for: the stored learner a door authenticated itself (<see cref="TurnRequest.LearnerId"/>,
    /// never created here), else the one linked to the door identity. The pipeline and its follow-ups all use this,
    /// so they cannot disagree about who the learner is.
    /// </summary>
    Learner ResolveFor(TurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.LearnerId is { } authenticated
            ? Find(authenticated) ?? throw new InvalidOperationException($"The door authenticated learner '{authenticated}', who is not in the store.")
            : Resolve(request.Door, request.ChannelUserId, request.DisplayName, request.IsVerified);
    }

    /// <summary>
    /// Saves the learner's turn state (stage, language, lesson, quiz, activity). Role and identities are
    /// kept as stored: they change only through <see cref="SetRole"/> and identity linking, so a turn
    /// holding an older copy cannot undo a grant or a link.
    /// </summary>
    void Save(Learner learner);

    /// <summary>Grants a role; false if there is no such learner.</summary>
    bool SetRole(string learnerId, LearnerRole role);

    /// <summary>Finds a learner by id, then by a door identity ("slack:U123"), then by a unique display name.</summary>
    Learner? FindByHandle(string handle);
}
