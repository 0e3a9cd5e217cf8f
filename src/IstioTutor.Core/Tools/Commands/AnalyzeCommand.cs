using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/analyze: istioctl-analyze-style findings for the learner's namespace.</summary>
public sealed class AnalyzeCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "analyze";

    public string Usage => "/analyze";

    public string Summary(string lang) => lang == "ko" ? "내 네임스페이스 분석(istioctl analyze)" : "analyze your namespace (istioctl analyze)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        ToolReplies.Guarded(context, async () =>
        {
            var findings = await tools.For(context).AnalyzeAsync(cancellationToken);
            return context.Reply(findings.Count == 0
                ? context.T("✔ No validation issues found in your namespace.", "✔ 네임스페이스에서 문제를 찾지 못했습니다.")
                : string.Join("\n", findings.Select(f => f.ToString())));
        });
}
