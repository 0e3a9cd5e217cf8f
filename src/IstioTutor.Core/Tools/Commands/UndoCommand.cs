using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/undo: previews restoring what the learner's last applied change replaced.</summary>
public sealed class UndoCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "undo";

    public string Usage => "/undo";

    public string Summary(string lang) => lang == "ko" ? "마지막 변경 되돌리기 미리보기" : "preview reverting your last change";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        ToolReplies.Guarded(context, async () => ToolReplies.Preview(context, await tools.For(context).PreviewUndoAsync(cancellationToken)));
}
