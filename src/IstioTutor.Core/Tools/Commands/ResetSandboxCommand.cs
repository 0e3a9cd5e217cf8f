using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/reset-sandbox [@learner]: previews removing all Istio configuration (another learner's: mentors only).</summary>
public sealed class ResetSandboxCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "reset-sandbox";

    public string Usage => "/reset-sandbox [@learner]";

    public string Summary(string lang) => lang == "ko" ? "샌드박스 초기화 미리보기(다른 학습자: 멘토만)" : "preview resetting a sandbox (others': mentors only)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var target = arguments.Trim();
        return ToolReplies.Guarded(context, async () => ToolReplies.Preview(context, await tools.For(context).PreviewResetAsync(target.Length == 0 ? null : target, cancellationToken)));
    }
}
