using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Linking;
using IstioTutor.Core.Turns;
using LiteDB;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>One-time link codes and the merge of two learners into one, in one transaction.</summary>
public sealed class LiteDbIdentityLinker(TutorDatabase db, LessonStages stages, IOptions<ProgressOptions> options, TimeProvider clock) : IIdentityLinker
{
    public LinkCode Issue(string learnerId) => db.Write(d =>
    {
        var codes = Codes(d);
        var now = clock.GetUtcNow();
        codes.DeleteMany(x => x.ExpiresAt < now.UtcDateTime || x.LearnerId == learnerId);
        var code = new LinkCode(CohortNames.NewCode(10), learnerId, now.AddMinutes(options.Value.LinkCodeMinutes));
        codes.Insert(new LinkCodeDocument { Id = code.Code, LearnerId = learnerId, ExpiresAt = code.ExpiresAt.UtcDateTime });
        return code;
    });

    public LinkOutcome Redeem(string code, string redeemingLearnerId) => db.Write(d =>
    {
        var codes = Codes(d);
        var stored = codes.FindById(code.Trim().ToUpperInvariant());
        if (stored is null)
        {
            return new LinkOutcome(LinkStatus.UnknownCode);
        }

        // A code works once, whatever happens next.
        codes.Delete(stored.Id);
        if (stored.ExpiresAt.ToUniversalTime() < clock.GetUtcNow().UtcDateTime)
        {
            return new LinkOutcome(LinkStatus.Expired);
        }

        var learners = LiteDbLearnerStore.Learners(d);
        var target = learners.FindById(stored.LearnerId);
        if (target is null)
        {
            return new LinkOutcome(LinkStatus.UnknownCode);
        }

        if (stored.LearnerId == redeemingLearnerId)
        {
            return new LinkOutcome(LinkStatus.AlreadyLinked, target.ToLearner());
        }

        var source = learners.FindById(redeemingLearnerId);
        if (source is not null)
        {
            target.SetIdentities(target.Identities.Union(source.Identities, StringComparer.Ordinal));
            target.Role = Math.Max(target.Role, source.Role);
            learners.Update(target);
            learners.Delete(source.Id);
        }

        var events = d.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection);
        var moved = events.Find(x => x.LearnerId == redeemingLearnerId).ToList();
        foreach (var e in moved)
        {
            e.LearnerId = target.Id;
            e.LearnerKind = ProgressEventDocument.KeyOf(target.Id, (ProgressEventKind)e.Kind);
        }

        events.Update(moved);
        RebuildSummary(d, target.ToLearner(), redeemingLearnerId);
        return new LinkOutcome(LinkStatus.Linked, target.ToLearner());
    });

    /// <summary>Refolds the merged learner's events and unions both learners' cohorts.</summary>
    private void RebuildSummary(LiteDatabase d, Learner target, string mergedId)
    {
        var cohorts = new[] { target.Id, mergedId }
            .SelectMany(id => SummaryBuckets.Get(d, id)?.Cohorts ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var events = d.GetCollection<ProgressEventDocument>(ProgressEventDocument.Collection)
            .Find(x => x.LearnerId == target.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var summary = SummaryCodec.Empty(target) with { Cohorts = cohorts };
        foreach (var e in events)
        {
            summary = ProgressFold.Apply(summary, e.ToEvent(), stages);
        }

        SummaryBuckets.Remove(d, mergedId);
        SummaryBuckets.Put(d, summary with { LastActiveAt = target.LastActiveAt }, events.Count(e => e.Kind == (int)ProgressEventKind.QuestionAsked));
    }

    private static ILiteCollection<LinkCodeDocument> Codes(LiteDatabase d) => d.GetCollection<LinkCodeDocument>(LinkCodeDocument.Collection);
}
