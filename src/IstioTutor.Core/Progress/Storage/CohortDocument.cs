namespace IstioTutor.Core.Progress.Storage;

/// <summary>LiteDB shape of a <see cref="Cohorts.Cohort"/>; <see cref="Id"/> is the lower-case name.</summary>
internal sealed class CohortDocument
{
    public const string Collection = "cohorts";

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string JoinCode { get; set; } = "";
    public List<string> Mentors { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public List<AssignmentDocument> Assignments { get; set; } = [];

    public Cohorts.Cohort ToCohort() => new(
        Name,
        JoinCode,
        Mentors.ToArray(),
        new DateTimeOffset(CreatedAt.ToUniversalTime(), TimeSpan.Zero),
        Assignments.Select(a => new Cohorts.CohortAssignment(
            (Cohorts.AssignmentKind)a.Kind, a.Target, DateOnly.FromDayNumber(a.DueDay))).ToArray());

    public static CohortDocument From(Cohorts.Cohort c) => new()
    {
        Id = c.Name.ToLowerInvariant(),
        Name = c.Name,
        JoinCode = c.JoinCode,
        Mentors = c.Mentors.ToList(),
        CreatedAt = c.CreatedAt.UtcDateTime,
        Assignments = c.Assignments.Select(a => new AssignmentDocument { Kind = (int)a.Kind, Target = a.Target, DueDay = a.Due.DayNumber }).ToList(),
    };
}

internal sealed class AssignmentDocument
{
    public int Kind { get; set; }
    public string Target { get; set; } = "";
    public int DueDay { get; set; }
}
