using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IstioTutor.Core.Turns;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// The <c>ask --json</c> contract: exactly text, grounded, stage, citations, pendingAction and check
/// (documented in the README). Scripts depend on these names; change them only together with the README.
/// </summary>
internal sealed record TurnJson(
    string Text,
    bool Grounded,
    string Stage,
    IReadOnlyList<CitationJson> Citations,
    PendingActionJson? PendingAction,
    CheckJson? Check)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Korean stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TurnJson From(TurnResult r) => new(
        r.Text,
        r.Grounded,
        r.Stage.ToName(),
        r.Citations.Select(c => new CitationJson(c.LessonId, c.Title, c.Stage.ToName(), c.Section, c.Lang)).ToArray(),
        r.PendingAction is { } p ? new PendingActionJson(p.Id, p.Summary, p.Diff, p.Findings, p.Prediction, p.ExpiresAt) : null,
        r.Check is { } c ? new CheckJson(c.Lab, c.Passed, c.Findings.Select(f => new FindingJson(f.Message, f.Hint, f.Ok)).ToArray(), c.Method) : null);

    /// <summary>One line of JSON (batch mode writes one per input line).</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Options);
}
