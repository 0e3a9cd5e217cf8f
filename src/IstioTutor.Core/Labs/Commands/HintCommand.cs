using System.Text;
using IstioTutor.Core.Labs.Grading;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs.Commands;

/// <summary>/hint ID: reveals the lab's hints one more at a time.</summary>
public sealed class HintCommand(LabCatalog catalog, LabHintStore hints) : ITurnCommand
{
    public string Name => "hint";

    public string Usage => "/hint ID";

    public string Summary(string lang) => lang == "ko" ? "실습 힌트(하나씩 더)" : "a lab hint (one more each time)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var lab = catalog.Find(arguments);
        if (lab is null)
        {
            return Task.FromResult(context.Reply(context.T($"There is no lab '{arguments}'. Type /labs to see them.", $"'{arguments}' 실습이 없습니다. /labs 로 목록을 보세요.")));
        }

        var all = lab.Definition.Hints;
        var revealed = hints.RevealNext(context.Learner.Id, lab.Definition.Id, all.Count);
        var sb = new StringBuilder();
        for (var i = 0; i < revealed; i++)
        {
            sb.AppendLine($"{i + 1}/{all.Count}. {all[i].In(context.Lang)}");
        }

        sb.Append(revealed < all.Count
            ? context.T($"/hint {lab.Definition.Id} again for the next one.", $"다음 힌트는 /hint {lab.Definition.Id}.")
            : context.T("That was the last hint.", "마지막 힌트였습니다."));
        return Task.FromResult(context.Reply(sb.ToString()));
    }
}
