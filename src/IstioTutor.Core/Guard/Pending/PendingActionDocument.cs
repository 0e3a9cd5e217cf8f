using System.Text.Json.Nodes;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Guard.Pending;

/// <summary>LiteDB shape of a <see cref="PendingAction"/>; objects are kept as JSON text.</summary>
internal sealed class PendingActionDocument
{
    public const string Collection = "pending_actions";

    public string Id { get; set; } = "";
    public string LearnerId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public int Door { get; set; }
    public string TargetNamespace { get; set; } = "";
    public int Purpose { get; set; }
    public List<ChangeDocument> Changes { get; set; } = [];
    public string Summary { get; set; } = "";
    public string Diff { get; set; } = "";
    public List<string> Findings { get; set; } = [];
    public string? Prediction { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public bool ModelInitiated { get; set; }
    public string? UndoesChangeId { get; set; }
    public int Status { get; set; }

    public PendingAction ToAction() => new(
        Id, LearnerId, ConversationId, (Door)Door, TargetNamespace, (PendingPurpose)Purpose,
        Changes.Select(c => c.ToChange()).ToArray(), Summary, Diff, Findings.ToArray(), Prediction,
        Utc(CreatedAt), Utc(ExpiresAt), ModelInitiated, UndoesChangeId, (PendingStatus)Status);

    public static PendingActionDocument From(PendingAction a) => new()
    {
        Id = a.Id,
        LearnerId = a.LearnerId,
        ConversationId = a.ConversationId,
        Door = (int)a.Door,
        TargetNamespace = a.TargetNamespace,
        Purpose = (int)a.Purpose,
        Changes = a.Changes.Select(ChangeDocument.From).ToList(),
        Summary = a.Summary,
        Diff = a.Diff,
        Findings = a.Findings.ToList(),
        Prediction = a.Prediction,
        CreatedAt = a.CreatedAt.UtcDateTime,
        ExpiresAt = a.ExpiresAt.UtcDateTime,
        ModelInitiated = a.ModelInitiated,
        UndoesChangeId = a.UndoesChangeId,
        Status = (int)a.Status,
    };

    internal static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    /// <summary>Istio kinds are stored by Kind ("Gateway", as before the Gateway API existed here); others as "Kind.group".</summary>
    internal static string StoredName(ResourceKind kind) => ResourceKinds.IsGatewayApi(kind.Group) ? $"{kind.Kind}.{kind.Group}" : kind.Kind;

    internal static ResourceKind KindNamed(string stored)
    {
        var dot = stored.IndexOf('.', StringComparison.Ordinal);
        var (kind, group) = dot < 0 ? (stored, (string?)null) : (stored[..dot], stored[(dot + 1)..]);
        return ResourceKinds.All.FirstOrDefault(k => k.Kind == kind && (group is null ? !ResourceKinds.IsGatewayApi(k.Group) : k.Group == group))
            ?? throw new InvalidOperationException($"Stored change names unknown kind {stored}.");
    }

    internal static JsonObject? Parse(string? json) => json is null ? null : JsonNode.Parse(json)!.AsObject();
}

/// <summary>LiteDB shape of a <see cref="PlannedChange"/>.</summary>
internal sealed class ChangeDocument
{
    public int Verb { get; set; }
    public string Kind { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Desired { get; set; }
    public string? ExpectedResourceVersion { get; set; }

    public PlannedChange ToChange() => new(
        (ChangeVerb)Verb, PendingActionDocument.KindNamed(Kind), Namespace, Name, PendingActionDocument.Parse(Desired), ExpectedResourceVersion);

    public static ChangeDocument From(PlannedChange c) => new()
    {
        Verb = (int)c.Verb,
        Kind = PendingActionDocument.StoredName(c.Kind),
        Namespace = c.Namespace,
        Name = c.Name,
        Desired = c.Desired?.ToJsonString(),
        ExpectedResourceVersion = c.ExpectedResourceVersion,
    };
}
