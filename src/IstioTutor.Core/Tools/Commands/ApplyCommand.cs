using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/apply + a fenced YAML block: previews the change; nothing is written until /confirm.</summary>
public sealed class ApplyCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "apply";

    public string Usage => "/apply ```yaml …```";

    public string Summary(string lang) => lang == "ko" ? "YAML 변경 미리보기(확인 후 적용)" : "preview a YAML change (applied after /confirm)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        ToolReplies.Guarded(context, async () => ToolReplies.Preview(context, await tools.For(context).PreviewApplyAsync(arguments, cancellationToken)));
}
