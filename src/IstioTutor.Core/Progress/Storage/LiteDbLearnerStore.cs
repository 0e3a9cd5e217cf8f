using IstioTutor.Core.Progress;
using IstioTutor.Core.Turns;
using LiteDB;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>Learners in the tutor's LiteDB file; each learner write also refreshes their progress summary.</summary>
public sealed class LiteDbLearnerStore(TutorDatabase db, IOptions<TutorOptions> options, TimeProvider clock) : ILearnerStore
{
    public Learner Resolve(Door door, string channelUserId, string? displayName, bool identityVerified = true)
    {
        var learner = ResolveStored(door, channelUserId, displayName, identityVerified);
        // Anyone may claim an unverified identity, so it never acts with more than a learner's rights.
        return identityVerified ? learner : learner with { Role = LearnerRole.Learner };
    }

    private Learner ResolveStored(Door door, string channelUserId, string? displayName, bool identityVerified)
    {
        var key = LearnerDocument.IdentityKey(door, channelUserId);
        var hash = LearnerDocument.IdentityHash(key);
        return db.Write(d =>
        {
            var learners = Learners(d);
            var configured = identityVerified ? RoleFor(key) : LearnerRole.Learner;
            var existing = learners.FindOne(x => x.IdentityHashes.Contains(hash));
            if (existing is not null)
            {
                // Configuration can raise a role later (a new mentor added to appsettings), never lower a grant.
                if (configured > (LearnerRole)existing.Role)
                {
                    existing.Role = (int)configured;
                    learners.Update(existing);
                }

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
                DisplayName = DisplayText.Name(displayName) is { Length: > 0 } name ? name : DisplayText.Name(channelUserId),
                Role = configured,
                CreatedAt = now,
                LastActiveAt = now,
                Identities = [new ChannelIdentity(door, channelUserId)],
            };
            learners.Upsert(LearnerDocument.From(learner));
            RefreshSummary(d, learner);
            return learner;
        });
    }

    public Learner? Find(string learnerId) => Learners(db.Database).FindById(learnerId)?.ToLearner();

    public void Save(Learner learner) => db.Write(d =>
    {
        var learners = Learners(d);
        var document = LearnerDocument.From(learner);
        if (learners.FindById(learner.Id) is { } stored)
        {
            document.Role = stored.Role;
            document.Identities = stored.Identities;
            document.IdentityHashes = stored.IdentityHashes;
        }

        learners.Upsert(document);
        RefreshSummary(d, document.ToLearner());
    });

    /// <summary>Saves many learners in one transaction (imports, seeding); same rules as <see cref="Save"/>.</summary>
    public void SaveMany(IEnumerable<Learner> batch) => db.Write(d =>
    {
        var learners = Learners(d);
        foreach (var learner in batch)
        {
            var document = LearnerDocument.From(learner);
            if (learners.FindById(learner.Id) is { } stored)
            {
                document.Role = stored.Role;
                document.Identities = stored.Identities;
                document.IdentityHashes = stored.IdentityHashes;
            document.IdentityHashes = stored.IdentityHashes;
            }

            learners.Upsert(document);
            RefreshSummary(d, document.ToLearner());
        }
    });

    public bool SetRole(string learnerId, LearnerRole role) => db.Write(d =>
    {
        var learners = Learners(d);
        var stored = learners.FindById(learnerId);
        if (stored is null)
        {
            return false;
        }

        stored.Role = (int)role;
        learners.Update(stored);
        return true;
    });

    public Learner? FindByHandle(string handle)
    {
        var h = handle.Trim().TrimStart('@');
        if (h.Length == 0)
        {
            return null;
        }

        var learners = Learners(db.Database);
        if (LearnerIds.IsValid(h) && learners.FindById(h) is { } byId)
        {
            return byId.ToLearner();
        }

        var colon = h.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Enum.TryParse<Door>(h[..colon], ignoreCase: true, out var door))
        {
            var hash = LearnerDocument.IdentityHash(LearnerDocument.IdentityKey(door, h[(colon + 1)..]));
            if (learners.FindOne(x => x.IdentityHashes.Contains(hash)) is { } byIdentity)
            {
                return byIdentity.ToLearner();
            }
        }

        if (h.Length > DisplayText.MaxNameLength)
        {
            return null;
        }

        var byName = learners.Find(x => x.DisplayName == h, limit: 2).ToList();
        return byName.Count == 1 ? byName[0].ToLearner() : null;
    }

    internal static ILiteCollection<LearnerDocument> Learners(LiteDatabase d) => d.GetCollection<LearnerDocument>(LearnerDocument.Collection);

    /// <summary>Copies what reports show of the learner (name, stage, activity) into their summary.</summary>
    private static void RefreshSummary(LiteDatabase d, Learner learner)
    {
        var stored = SummaryBuckets.GetWithKept(d, learner.Id);
        var summary = stored is not { } s ? SummaryCodec.Empty(learner) : s.Progress with
        {
            DisplayName = learner.DisplayName,
            Stage = learner.Stage,
            LastActiveAt = learner.LastActiveAt,
        };
        SummaryBuckets.Put(d, summary, stored?.QuestionsKept ?? 0);
    }

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
