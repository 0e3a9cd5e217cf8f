using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/delete KIND NAME: previews deleting an Istio object in the learner's namespace.</summary>
public sealed class DeleteCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "delete";

    public string Usage => "/delete KIND NAME";

    public string Summary(string lang) => lang == "ko" ? "Istio 객체 삭제 미리보기" : "preview deleting an Istio object";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return Task.FromResult(context.Reply(context.T("Usage: /delete KIND NAME, e.g. /delete vs reviews.", "사용법: /delete KIND NAME (예: /delete vs reviews).")));
        }

        return ToolReplies.Guarded(context, async () => ToolReplies.Preview(context, await tools.For(context).PreviewDeleteAsync(parts[0], parts[1], cancellationToken)));
    }
}
