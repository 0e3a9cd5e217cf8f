using IstioTutor.Core.Hosting;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>Learners in the tutor's LiteDB file.</summary>
public sealed class LiteDbLearnerStore(TutorDatabase db, IOptions<TutorOptions> options, TimeProvider clock) : ILearnerStore
{
    private readonly object _resolveLock = new();

    public Learner Resolve(Door door, string channelUserId, string? displayName)
    {
        var key = LearnerDocument.IdentityKey(door, channelUserId);
        var learners = db.Database.GetCollection<LearnerDocument>(LearnerDocument.Collection);
        lock (_resolveLock)
        {
            var existing = learners.FindOne(x => x.Identities.Contains(key));
            if (existing is not null)
            {
                return existing.ToLearner();
            }

            var now = clock.GetUtcNow();
            var id = LearnerIds.FromChannelUser(door, channelUserId);
            if (learners.FindById(id) is not null)
            {
                // Another door's user already owns this id (terminal "alice" vs web "alice"): never merge silently.
                id = LearnerIds.FromChannelUser(door, key);
            }

            var learner = new Learner
            {
                Id = id,
                DisplayName = displayName ?? channelUserId,
                Role = RoleFor(key),
                CreatedAt = now,
                LastActiveAt = now,
                Identities = [new ChannelIdentity(door, channelUserId)],
            };
            learners.Upsert(LearnerDocument.From(learner));
            return learner;
        }
    }

    public Learner? Find(string learnerId) =>
        db.Database.GetCollection<LearnerDocument>(LearnerDocument.Collection).FindById(learnerId)?.ToLearner();

    public void Save(Learner learner) =>
        db.Database.GetCollection<LearnerDocument>(LearnerDocument.Collection).Upsert(LearnerDocument.From(learner));

    private LearnerRole RoleFor(string identityKey)
    {
        var o = options.Value;
        if (o.Admins.Contains(identityKey, StringComparer.OrdinalIgnoreCase))
        {
            return LearnerRole.Admin;
        }

        return o.Mentors.Contains(identityKey, StringComparer.OrdinalIgnoreCase) ? LearnerRole.Mentor : LearnerRole.Learner;
    }
}
