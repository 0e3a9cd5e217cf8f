using IstioTutor.Core.Turns;
using LiteDB;

namespace IstioTutor.Core.Guard.Audit;

/// <summary>LiteDB shape of an <see cref="AuditEntry"/>.</summary>
internal sealed class AuditDocument
{
    public const string Collection = "audit";

    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public DateTime At { get; set; }
    public string LearnerId { get; set; } = "";
    public int Door { get; set; }
    public string ConversationId { get; set; } = "";
    public string Verb { get; set; } = "";
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Namespace { get; set; }
    public int Decision { get; set; }
    public string Reason { get; set; } = "";
    public string? Diff { get; set; }
    public bool ModelInitiated { get; set; }
    public string? ActionId { get; set; }
    public string? Rule { get; set; }

    public AuditEntry ToEntry() => new(
        new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)), LearnerId, (Door)Door, ConversationId, Verb, Kind, Name,
        Namespace, (AuditDecision)Decision, Reason, Diff, ModelInitiated, ActionId, Rule);

    public static AuditDocument From(AuditEntry e) => new()
    {
        At = e.At.UtcDateTime,
        LearnerId = e.LearnerId,
        Door = (int)e.Door,
        ConversationId = e.ConversationId,
        Verb = e.Verb,
        Kind = e.Kind,
        Name = e.Name,
        Namespace = e.Namespace,
        Decision = (int)e.Decision,
        Reason = e.Reason,
        Diff = e.Diff,
        ModelInitiated = e.ModelInitiated,
        ActionId = e.ActionId,
        Rule = e.Rule,
    };
}
