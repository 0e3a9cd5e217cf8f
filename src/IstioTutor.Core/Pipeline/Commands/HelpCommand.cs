using System.Text;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;

namespace IstioTutor.Core.Pipeline.Commands;

/// <summary>/help: every registered command with one line each, in the learner's language.</summary>
public sealed class HelpCommand(IServiceProvider services) : ITurnCommand
{
    public string Name => "help";

    public string Usage => "/help";

    public string Summary(string lang) => lang == "ko" ? "명령 목록" : "list the commands";

    public Task<TurnResult> ExecuteAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        // Resolved lazily: the registry contains this command.
        var registry = (CommandRegistry)services.GetService(typeof(CommandRegistry))!;
        var sb = new StringBuilder();
        sb.AppendLine(context.T(
            "Ask any Istio question in English or Korean, or use a command:",
            "Istio 질문을 한국어나 영어로 하거나, 다음 명령을 사용하세요:"));
        foreach (var command in registry.All)
        {
            sb.Append("  ").Append(command.Usage.PadRight(22)).Append(' ').AppendLine(command.Summary(context.Lang));
        }

        return Task.FromResult(context.Reply(sb.ToString().TrimEnd()));
    }
}
