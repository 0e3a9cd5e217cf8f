using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Turns;
using LiteDB;

namespace IstioTutor.Core.Progress.Storage;

/// <summary>
/// Cohorts in the tutor's LiteDB file. Memberships live in the members' progress summaries (indexed),
/// so a cohort report is one indexed read.
/// </summary>
public sealed class LiteDbCohortStore(TutorDatabase db, TimeProvider clock) : ICohortStore
{
    public Cohort? Create(string name, string mentorId) => db.Write(d =>
    {
        var cohorts = Cohorts(d);
        if (cohorts.FindById(name.ToLowerInvariant()) is not null)
        {
            return null;
        }

        string code;
        do
        {
            code = CohortNames.NewCode();
        }
        while (cohorts.Exists(x => x.JoinCode == code));

        var cohort = new Cohort(name, code, [mentorId], clock.GetUtcNow(), []);
        cohorts.Insert(CohortDocument.From(cohort));
        return cohort;
    });

    public Cohort? Find(string name) => Cohorts(db.Database).FindById(name.ToLowerInvariant())?.ToCohort();

    public Cohort? FindByJoinCode(string joinCode)
    {
        // Codes are shown upper-case; people type them in either case.
        var code = joinCode.Trim().ToUpperInvariant();
        return Cohorts(db.Database).FindOne(x => x.JoinCode == code)?.ToCohort();
    }

    public IReadOnlyList<Cohort> All() => Cohorts(db.Database).FindAll().Select(c => c.ToCohort()).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToArray();

    public bool AddMember(string cohortName, string learnerId) => AddMembers(cohortName, [learnerId]) == 1;

    public int AddMembers(string cohortName, IEnumerable<string> learnerIds) => db.Write(d =>
    {
        var id = cohortName.ToLowerInvariant();
        if (Cohorts(d).FindById(id) is null)
        {
            throw new KeyNotFoundException($"No cohort named {cohortName}.");
        }

        return learnerIds.Count(learnerId => AddMember(d, id, learnerId));
    });

    private static bool AddMember(LiteDatabase d, string id, string learnerId)
    {
        var stored = SummaryBuckets.GetWithKept(d, learnerId);
        var summary = stored is { } s
            ? s.Progress
            : SummaryCodec.Empty(LiteDbLearnerStore.Learners(d).FindById(learnerId)?.ToLearner() ?? new Learner { Id = learnerId });
        if (summary.Cohorts.Contains(id, StringComparer.Ordinal))
        {
            return false;
        }

        SummaryBuckets.Put(d, summary with { Cohorts = [.. summary.Cohorts, id] }, stored?.QuestionsKept ?? 0);
        return true;
    }

    public Cohort Assign(string cohortName, CohortAssignment assignment) => db.Write(d =>
    {
        var cohorts = Cohorts(d);
        var document = cohorts.FindById(cohortName.ToLowerInvariant()) ?? throw new KeyNotFoundException($"No cohort named {cohortName}.");
        var cohort = document.ToCohort();
        var kept = cohort.Assignments.Where(a => !(a.Kind == assignment.Kind && string.Equals(a.Target, assignment.Target, StringComparison.OrdinalIgnoreCase)));
        var updated = cohort with { Assignments = [.. kept, assignment] };
        cohorts.Update(CohortDocument.From(updated));
        return updated;
    });

    public IReadOnlyList<string> Members(string cohortName) =>
        SummaryBuckets.All(db.Database)
            .Where(p => p.Cohorts.Contains(cohortName.ToLowerInvariant(), StringComparer.Ordinal))
            .Select(p => p.LearnerId)
            .ToArray();

    public IReadOnlyList<Cohort> ForLearner(string learnerId)
    {
        var memberOf = SummaryBuckets.Get(db.Database, learnerId)?.Cohorts ?? [];
        return All().Where(c => c.Mentors.Contains(learnerId, StringComparer.Ordinal) || memberOf.Contains(c.Name.ToLowerInvariant(), StringComparer.Ordinal)).ToArray();
    }

    private static ILiteCollection<CohortDocument> Cohorts(LiteDatabase d) => d.GetCollection<CohortDocument>(CohortDocument.Collection);
}
