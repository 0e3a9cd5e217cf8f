using System.Text;
using IstioTutor.Core.Tools;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/check ID: grades the lab in the learner's sandbox; the turn carries the check result.</summary>
public sealed class CheckCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "check";

    public string Usage => "/check ID";

    public string Summary(string lang) => lang == "ko" ? "실습 채점" : "grade a lab";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        ToolReplies.Guarded(context, async () =>
        {
            var check = await tools.For(context).CheckLabAsync(arguments.Trim(), cancellationToken);
            var sb = new StringBuilder();
            sb.AppendLine(check.Passed
                ? context.T($"✔ {check.Lab} passed.", $"✔ {check.Lab} 통과.")
                : context.T($"✘ {check.Lab} is not done yet.", $"✘ {check.Lab} 아직 완료되지 않았습니다."));
            foreach (var f in check.Findings)
            {
                sb.Append(f.Ok ? "  ✔ " : "  ✘ ").AppendLine(f.Message);
                if (!f.Ok && f.Hint is not null)
                {
                    sb.Append("    → ").AppendLine(f.Hint);
                }
            }

            sb.Append(context.T("How this was checked: ", "확인 방법: ")).Append(check.Method);
            return context.Reply(sb.ToString()) with { Check = check };
        });
}
