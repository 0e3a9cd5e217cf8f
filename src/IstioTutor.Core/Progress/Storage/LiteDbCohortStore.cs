using IstioTutor.Core.Progress.Cohorts;
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

    public bool AddMember(string cohortName, string learnerId) => db.Write(d =>
    {
        var id = cohortName.ToLowerInvariant();
        if (Cohorts(d).FindById(id) is null)
        {
            throw new KeyNotFoundException($"No cohort named {cohortName}.");
        }

        var summaries = d.GetCollection(LearnerProgressDocument.Collection);
        var stored = summaries.FindById(learnerId);
        var summary = stored is not null
            ? LearnerProgressDocument.FromBson(stored)
            : LearnerProgressDocument.Empty(LiteDbLearnerStore.Learners(d).FindById(learnerId)?.ToLearner() ?? new Learner { Id = learnerId });
        if (summary.Cohorts.Contains(id, StringComparer.Ordinal))
        {
            return false;
        }

        summaries.Upsert(LearnerProgressDocument.ToBson(summary with { Cohorts = [.. summary.Cohorts, id] }, stored is null ? 0 : LearnerProgressDocument.QuestionsKept(stored)));
        return true;
    });

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
        db.Database.GetCollection(LearnerProgressDocument.Collection)
            .Find(MemberOf(cohortName))
            .Select(d => d["_id"].AsString)
            .ToArray();

    public IReadOnlyList<Cohort> ForLearner(string learnerId)
    {
        var memberOf = db.Database.GetCollection(LearnerProgressDocument.Collection).FindById(learnerId) is { } s
            ? LearnerProgressDocument.FromBson(s).Cohorts
            : [];
        return All().Where(c => c.Mentors.Contains(learnerId, StringComparer.Ordinal) || memberOf.Contains(c.Name.ToLowerInvariant(), StringComparer.Ordinal)).ToArray();
    }

    internal static BsonExpression MemberOf(string cohortName) =>
        BsonExpression.Create($"$.{LearnerProgressDocument.CohortsField}[*] ANY = @0", new BsonValue(cohortName.ToLowerInvariant()));

    private static ILiteCollection<CohortDocument> Cohorts(LiteDatabase d) => d.GetCollection<CohortDocument>(CohortDocument.Collection);
}
