using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/cancel [ID]: drops the learner's pending preview.</summary>
public sealed class CancelCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "cancel";

    public string Usage => "/cancel [ID]";

    public string Summary(string lang) => lang == "ko" ? "미리보기 취소" : "drop a preview";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        ToolReplies.Guarded(context, async () =>
        {
            var action = await tools.For(context).CancelAsync(arguments.Trim() is { Length: > 0 } id ? id : null, cancellationToken);
            return context.Reply(context.T($"Cancelled preview {action.Id} ({action.Summary}); nothing was changed.", $"미리보기 {action.Id}({action.Summary})를 취소했습니다. 아무것도 바뀌지 않았습니다."));
        });
}
