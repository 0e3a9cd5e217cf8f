using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/topology: the sample app's services, versions, calls and configured routes.</summary>
public sealed class TopologyCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "topology";

    public string Usage => "/topology";

    public string Summary(string lang) => lang == "ko" ? "앱 구성과 라우팅 보기" : "show the app's services and routes";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken) =>
        ToolReplies.Guarded(context, async () =>
        {
            var view = await tools.For(context).ShowTopologyAsync(cancellationToken);
            var routes = view.Routes.Count == 0 ? [context.T("none (default round-robin over all versions)", "없음(모든 버전에 기본 분산)")] : view.Routes;
            return context.Reply(
                $"{view.Namespace} ({view.Cluster})\n"
                + context.T("Services: ", "서비스: ") + "\n  " + string.Join("\n  ", view.Services) + "\n"
                + context.T("Calls: ", "호출: ") + "\n  " + string.Join("\n  ", view.Calls) + "\n"
                + context.T("Routes: ", "라우팅: ") + "\n  " + string.Join("\n  ", routes));
        });
}
