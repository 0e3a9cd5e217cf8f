using System.Text;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Labs.Commands;

/// <summary>/lab ID: the goal, the steps and the kinds to write.</summary>
public sealed class LabCommand(LabCatalog catalog) : ITurnCommand
{
    public string Name => "lab";

    public string Usage => "/lab ID";

    public string Summary(string lang) => lang == "ko" ? "실습 열기(목표와 단계)" : "open a lab (goal and steps)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var lab = catalog.Find(arguments);
        if (lab is null)
        {
            return Task.FromResult(context.Reply(context.T($"There is no lab '{arguments}'. Type /labs to see them.", $"'{arguments}' 실습이 없습니다. /labs 로 목록을 보세요.")));
        }

        var d = lab.Definition;
        var sb = new StringBuilder();
        sb.AppendLine($"{d.Title.In(context.Lang)} ({d.Id}, {(context.IsKorean ? d.Stage.ToKorean() : d.Stage.ToName())})");
        sb.AppendLine(d.Goal.In(context.Lang));
        sb.AppendLine(context.T("Steps:", "단계:"));
        for (var i = 0; i < d.Steps.Count; i++)
        {
            sb.AppendLine($"  {i + 1}. {d.Steps[i].In(context.Lang)}");
        }

        sb.AppendLine(context.T("You write: ", "작성할 리소스: ") + string.Join(", ", d.Resources) + $" (namespace {context.Learner.Namespace})");
        if (d.GatewayApi is { } gatewayApi)
        {
            sb.AppendLine("Gateway API: " + gatewayApi.In(context.Lang));
        }

        sb.Append(context.T($"Stuck? /hint {d.Id}. Done? /check {d.Id}.", $"막히면 /hint {d.Id}, 다 했으면 /check {d.Id}."));
        var card = new TutorCard("lab", d.Title.In(context.Lang), [new CardSection(null, d.Goal.In(context.Lang)), new CardSection(context.T("Steps", "단계"), string.Join("\n", d.Steps.Select((s, i) => $"{i + 1}. {s.In(context.Lang)}"))), new CardSection(null, context.T("You write: ", "작성할 리소스: ") + string.Join(", ", d.Resources) + $" (namespace {context.Learner.Namespace})"), .. (d.GatewayApi is null ? Array.Empty<CardSection>() : [new CardSection("Gateway API", d.GatewayApi.In(context.Lang))])],
            [new CardButton(context.T("Hint", "힌트"), new CardAction("hint", d.Id)), new CardButton(context.T("Check", "채점"), new CardAction("check", d.Id), Primary: true)]);
        return Task.FromResult(context.Reply(sb.ToString()) with { Cards = [card] });
    }
}
