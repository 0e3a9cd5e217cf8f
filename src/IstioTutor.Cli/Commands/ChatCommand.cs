using System.CommandLine;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;
using Spectre.Console;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor chat</c>: an interactive conversation in the terminal (Korean or English). Works with
/// piped input too; <c>/exit</c> or end of input quits.
/// </summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var learner = CommonOptions.Learner();
        var stage = CommonOptions.Stage();
        var data = CommonOptions.Data();
        var command = new Command("chat", "Talk with the tutor in the terminal; /help lists commands, /exit quits.") { learner, stage, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommonOptions.TryStage(parse.GetValue(stage), out var chosenStage))
            {
                return 2;
            }

            if (await CliHost.TryStartAsync(parse.GetValue(data)) is not { } host)
            {
                return 2;
            }

            await using (host)
            {
                var id = parse.GetValue(learner)!;
                var terminal = new TerminalLearner(host.Get<TutorPipeline>(), id, chosenStage);
                var console = AnsiConsole.Console;
                var interactive = !Console.IsInputRedirected;
                console.MarkupLine($"[bold]IstioTutor[/] — {Markup.Escape(id)}. Ask about Istio in English or Korean (한국어로 물어봐도 됩니다). [dim]/help for commands, /exit to quit.[/]");
                while (true)
                {
                    if (interactive)
                    {
                        console.Markup("[green]> [/]");
                    }

                    var line = await ReadMessageAsync(console, interactive, cancellationToken);
                    if (line is null || line.Trim() is "/exit" or "/quit")
                    {
                        return 0;
                    }

                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }

                    ChatRenderer.Render(console, await terminal.SendAsync(line, cancellationToken));
                }
            }
        });
        return command;
    }

    /// <summary>
    /// A message that opens a fenced block, or an /apply whose block starts on the next line, goes on until
    /// the fence closes, so YAML can be typed or piped over several lines.
    /// </summary>
    private static async Task<string?> ReadMessageAsync(IAnsiConsole console, bool interactive, CancellationToken cancellationToken)
    {
        var line = await Console.In.ReadLineAsync(cancellationToken);
        var fences = line is null ? 0 : Fences(line);
        var awaitsBlock = line is not null && fences == 0 && line.Trim().StartsWith("/apply", StringComparison.OrdinalIgnoreCase);
        if (line is null || (fences % 2 == 0 && !awaitsBlock))
        {
            return line;
        }

        if (interactive)
        {
            console.MarkupLine("[dim](YAML in a ```yaml … ``` block; the message ends with the closing ```)[/]");
        }

        var message = new System.Text.StringBuilder(line);
        while (await Console.In.ReadLineAsync(cancellationToken) is { } next)
        {
            message.Append('\n').Append(next);
            fences += Fences(next);
            if (fences > 0 && fences % 2 == 0)
            {
                break;
            }
        }

        return message.ToString();
    }

    private static int Fences(string line)
    {
        var count = 0;
        for (var i = line.IndexOf("```", StringComparison.Ordinal); i >= 0; i = line.IndexOf("```", i + 3, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
