using System.Globalization;
using System.Text;
using IstioTutor.Core.Guard.Preview;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Tools.Commands;

/// <summary>/simulate HOST [--from SOURCE] [--count N] [--header name=value] [--path /P] [--method M]: predicts traffic with the simulator.</summary>
public sealed class SimulateCommand(MeshToolsFactory tools) : ITurnCommand
{
    public string Name => "simulate";

    public string Usage => "/simulate HOST [--from SRC] [--count N] [--header k=v] [--path /P] [--method GET]";

    public string Summary(string lang) => lang == "ko" ? "트래픽 시뮬레이션(예측)" : "simulate traffic (a prediction)";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? host = null, source = null, path = null, method = null;
        var count = 100;
        var headers = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var next = i + 1 < words.Length ? words[i + 1] : null;
            switch (words[i])
            {
                case "--from" when next is not null:
                    source = next;
                    i++;
                    break;
                case "--count" when next is not null && int.TryParse(next, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                    count = n;
                    i++;
                    break;
                case "--header" when next is not null:
                    headers.Add(next);
                    i++;
                    break;
                case "--path" when next is not null:
                    path = next;
                    i++;
                    break;
                case "--method" when next is not null:
                    method = next;
                    i++;
                    break;
                default:
                    if (host is null && !words[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        host = words[i];
                        break;
                    }

                    return Task.FromResult(context.Reply(context.T($"I did not understand '{words[i]}'. Usage: {Usage}", $"'{words[i]}'을(를) 이해하지 못했습니다. 사용법: {Usage}")));
            }
        }

        if (host is null)
        {
            return Task.FromResult(context.Reply(context.T($"Usage: {Usage}, e.g. /simulate reviews --from productpage --header end-user=jason", $"사용법: {Usage} (예: /simulate reviews --from productpage --header end-user=jason)")));
        }

        return ToolReplies.Guarded(context, async () =>
        {
            var report = await tools.For(context).SimulateAsync(host, source, count, string.Join(",", headers), path, method, cancellationToken);
            var sb = new StringBuilder();
            sb.AppendLine(context.T("Simulated (a prediction from your configuration, not measured traffic):", "시뮬레이션(설정으로 예측한 값이며 실제 측정이 아님):"));
            sb.AppendLine(ReportText.Summarize(report));
            foreach (var d in report.Destinations)
            {
                sb.AppendLine($"  {d.Workload} ({d.Service}{(d.Subset is null ? "" : "/" + d.Subset)}): {d.Count}");
            }

            foreach (var note in report.Notes)
            {
                sb.AppendLine("  · " + note);
            }

            return context.Reply(sb.ToString().TrimEnd());
        });
    }
}
