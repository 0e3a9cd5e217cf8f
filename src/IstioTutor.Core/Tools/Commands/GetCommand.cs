using System.Text;
using IstioTutor.Core.Guard.Manifests;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/get KIND [NAME]: lists or shows objects in the learner's namespace.</summary>
public sealed class GetCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "get";

    public string Usage => "/get KIND [NAME]";

    public string Summary(string lang) => lang == "ko" ? "내 네임스페이스의 리소스 보기" : "show resources in your namespace";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > 2)
        {
            return Task.FromResult(context.Reply(context.T("Usage: /get KIND [NAME], e.g. /get vs or /get pods.", "사용법: /get KIND [NAME] (예: /get vs, /get pods).")));
        }

        return ToolReplies.Guarded(context, async () =>
        {
            var read = await tools.For(context).GetResourcesAsync(parts[0], parts.Length > 1 ? parts[1] : null, cancellationToken);
            var sb = new StringBuilder();
            sb.AppendLine($"{read.Kind.Plural} in {read.Namespace} ({read.Cluster}):");
            if (read.Items.Count == 0)
            {
                sb.Append(context.T("  none", "  없음"));
            }
            else if (parts.Length > 1)
            {
                sb.Append("```yaml\n").Append(YamlWriter.Write(ObjectShapes.Authored(read.Kind, read.Items[0], read.Namespace))).Append("```");
            }
            else
            {
                sb.Append(string.Join("\n", read.Items.Select(i => "  " + JsonFields.Name(i))));
            }

            return context.Reply(sb.ToString());
        });
    }
}
