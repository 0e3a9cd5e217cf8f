using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/confirm [ID] (or the card's Confirm button): applies the learner's own preview from this conversation.</summary>
public sealed class ConfirmCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "confirm";

    public string Usage => "/confirm [ID]";

    public string Summary(string lang) => lang == "ko" ? "미리보기 적용" : "apply a preview";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        ToolReplies.Guarded(context, async () =>
        {
            var done = await tools.For(context).ConfirmAsync(arguments.Trim() is { Length: > 0 } id ? id : null, cancellationToken);
            return context.Reply(context.T("Applied", "적용했습니다") + $" {done.ActionId}:\n  " + string.Join("\n  ", done.Lines)
                + context.T("\nUndo it with /undo; grade a lab with /check ID.", "\n/undo 로 되돌리고 /check ID 로 실습을 채점하세요."));
        });
}
