using System.Text;
using IstioTutor.Core.Guard;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Core.Tools;

/// <summary>Turns plugin results and refusals into turn results, the same for every door.</summary>
public static class ToolReplies
{
    /// <summary>Runs a tool call; a refusal or an unreachable cluster becomes a clear reply instead of an exception.</summary>
    public static async Task<TurnResult> Guarded(TurnContext context, Func<Task<TurnResult>> call)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (GuardException e)
        {
            // "Refused" is kept for rules; a malformed or moot request reads "Not done" (both are audited as refused).
            return context.Reply(e.Refusal.Heading(context.Lang) + e.Refusal.In(context.Lang));
        }
        catch (MeshApiException e)
        {
            return context.Reply(context.T(
                $"The cluster refused or failed ({e.Code} {e.Reason}): {e.Message}",
                $"클러스터가 거부했거나 실패했습니다({e.Code} {e.Reason}): {e.Message}"));
        }
    }

    /// <summary>A preview: text, the pending-action picture, and a card with Confirm/Cancel buttons.</summary>
    public static TurnResult Preview(TurnContext context, PreviewResult preview)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(preview);
        var action = preview.Action;
        var sb = new StringBuilder();
        sb.AppendLine(context.T($"Preview {action.Id}: {action.Summary}", $"미리보기 {action.Id}: {action.Summary}"));
        sb.AppendLine();
        sb.AppendLine("```diff").Append(action.Diff).AppendLine("```");
        foreach (var note in preview.Notes)
        {
            sb.AppendLine(context.T("Note: ", "참고: ") + note);
        }

        sb.AppendLine(context.T("Analysis with the change applied:", "변경 적용 후 분석:"));
        if (action.Findings.Count == 0)
        {
            sb.AppendLine(context.T("  no findings", "  발견 사항 없음"));
        }

        foreach (var finding in action.Findings)
        {
            sb.Append("  ").AppendLine(finding);
        }

        if (action.Prediction is not null)
        {
            sb.AppendLine(context.T("Prediction: ", "예측: ") + action.Prediction);
        }

        sb.Append(context.T(
            $"Nothing has changed yet. Type /confirm {action.Id} within {(int)(action.ExpiresAt - action.CreatedAt).TotalMinutes} minutes to apply it, or /cancel.",
            $"아직 아무것도 바뀌지 않았습니다. {(int)(action.ExpiresAt - action.CreatedAt).TotalMinutes}분 안에 /confirm {action.Id} 로 적용하거나 /cancel 하세요."));

        var sections = new List<CardSection>
        {
            new(context.T("Change", "변경"), action.Summary),
            new(context.T("Diff", "차이"), null, action.Diff, "diff"),
            new(context.T("Analysis", "분석"), action.Findings.Count == 0 ? context.T("no findings", "발견 사항 없음") : string.Join("\n", action.Findings)),
        };
        if (action.Prediction is not null)
        {
            sections.Add(new CardSection(context.T("Prediction", "예측"), action.Prediction));
        }

        if (preview.Notes.Count > 0)
        {
            sections.Add(new CardSection(context.T("Notes", "참고"), string.Join("\n", preview.Notes)));
        }

        var card = new TutorCard(
            "preview",
            context.T($"Preview {action.Id}", $"미리보기 {action.Id}"),
            sections,
            [
                new CardButton(context.T("Confirm", "확인"), new CardAction("confirm", action.Id), Primary: true),
                new CardButton(context.T("Cancel", "취소"), new CardAction("cancel", action.Id)),
            ]);
        return context.Reply(sb.ToString()) with { PendingAction = action.ToView(), Cards = [card] };
    }
}
