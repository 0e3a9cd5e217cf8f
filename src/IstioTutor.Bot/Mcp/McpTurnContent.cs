using IstioTutor.Core.Turns;

namespace IstioTutor.Bot.Mcp;

/// <summary>
/// The structured content of every tutor tool result: the same turn result every door renders, in the shape
/// of <c>istiotutor ask --json</c>, with citations pointing at the lesson resources.
/// </summary>
public sealed record McpTurnContent(
    string Text,
    bool Grounded,
    string Stage,
    string Lang,
    IReadOnlyList<McpCitation> Citations,
    McpPendingAction? PendingAction,
    McpCheck? Check)
{
    public static McpTurnContent From(TurnResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new McpTurnContent(
            result.Text,
            result.Grounded,
            result.Stage.ToName(),
            result.Lang,
            result.Citations.Select(c => new McpCitation(c.LessonId, c.Title, c.Stage.ToName(), c.Section, c.Lang, McpUris.Lesson(c.Lang, c.LessonId))).ToList(),
            result.PendingAction is { } p ? new McpPendingAction(p.Id, p.Summary, p.Diff, p.Findings, p.Prediction, p.ExpiresAt) : null,
            result.Check is { } c ? new McpCheck(c.Lab, c.Passed, c.Findings.Select(f => new McpFinding(f.Message, f.Hint, f.Ok)).ToList(), c.Method) : null);
    }
}

/// <summary>A curriculum section an answer rests on, with the URI of its lesson resource.</summary>
public sealed record McpCitation(string LessonId, string Title, string Stage, string Section, string Lang, string Uri);

/// <summary>A preview waiting for the learner's confirmation (the <c>confirm</c> tool asks them).</summary>
public sealed record McpPendingAction(string Id, string Summary, string Diff, IReadOnlyList<string> Findings, string? Prediction, DateTimeOffset ExpiresAt);

/// <summary>A lab grade: the verdict, what was found, and how it was checked.</summary>
public sealed record McpCheck(string Lab, bool Passed, IReadOnlyList<McpFinding> Findings, string? Method);

/// <summary>One thing a lab check found; <see cref="Ok"/> when it is already right.</summary>
public sealed record McpFinding(string Message, string? Hint, bool Ok);
