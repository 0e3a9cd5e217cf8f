namespace IstioTutor.Core.Guard.Pending;

/// <summary>LiteDB shape of an <see cref="AppliedChange"/>.</summary>
internal sealed class AppliedChangeDocument
{
    public const string Collection = "applied_changes";

    public string Id { get; set; } = "";
    public string LearnerId { get; set; } = "";
    public string Namespace { get; set; } = "";
    public DateTime At { get; set; }
    public int Purpose { get; set; }
    public string Summary { get; set; } = "";
    public List<StepDocument> Steps { get; set; } = [];
    public bool Undone { get; set; }

    public AppliedChange ToChange() => new(
        Id, LearnerId, Namespace, PendingActionDocument.Utc(At), (PendingPurpose)Purpose, Summary,
        Steps.Select(s => new AppliedStep(PendingActionDocument.KindNamed(s.Kind), s.Namespace, s.Name, PendingActionDocument.Parse(s.Before), PendingActionDocument.Parse(s.After))).ToArray(),
        Undone);

    public static AppliedChangeDocument From(AppliedChange c) => new()
    {
        Id = c.Id,
        LearnerId = c.LearnerId,
        Namespace = c.Namespace,
        At = c.At.UtcDateTime,
        Purpose = (int)c.Purpose,
        Summary = c.Summary,
        Steps = c.Steps.Select(s => new StepDocument { Kind = PendingActionDocument.StoredName(s.Kind), Namespace = s.Namespace, Name = s.Name, Before = s.Before?.ToJsonString(), After = s.After?.ToJsonString() }).ToList(),
        Undone = c.Undone,
    };
}

internal sealed class StepDocument
{
    public string Kind { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}
