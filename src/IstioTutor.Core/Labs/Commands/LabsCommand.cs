using System.Text;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs.Commands;

/// <summary>/labs: every lab by stage, marking the ones the learner has passed.</summary>
public sealed class LabsCommand(LabCatalog catalog, Progress.IProgressLog progress) : ITurnCommand
{
    public string Name => "labs";

    public string Usage => "/labs";

    public string Summary(string lang) => lang == "ko" ? "실습 목록" : "list the hands-on labs";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var passed = progress.ForLearner(context.Learner.Id, 1000)
            .Where(e => e.Kind == Progress.ProgressEventKind.LabChecked && e.Passed == true)
            .Select(e => e.Subject)
            .ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var stage in catalog.All.GroupBy(l => l.Definition.Stage))
        {
            sb.AppendLine(context.IsKorean ? $"{stage.Key.ToKorean()}:" : $"{stage.Key.ToName()}:");
            foreach (var lab in stage)
            {
                sb.Append(passed.Contains(lab.Definition.Id) ? "  ✔ " : "  · ").Append(lab.Definition.Id.PadRight(24)).AppendLine(lab.Definition.Title.In(context.Lang));
            }
        }

        sb.Append(context.T("Open one with /lab ID; grade it with /check ID.", "/lab ID 로 열고 /check ID 로 채점하세요."));
        return Task.FromResult(context.Reply(sb.ToString()));
    }
}
