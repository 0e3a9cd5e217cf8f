using System.CommandLine;
using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;
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

            CliHost host;
            try
            {
                host = CliHost.Start(parse.GetValue(data));
            }
            catch (OptionsValidationException e)
            {
                await Console.Error.WriteLineAsync($"Invalid configuration: {e.Message}");
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

                    var line = await Console.In.ReadLineAsync(cancellationToken);
                    if (line is null || line.Trim() is "/exit" or "/quit")
                    {
                        return 0;
                    }

                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }

                    Render(console, await terminal.SendAsync(line, cancellationToken));
                }
            }
        });
        return command;
    }

    private static void Render(IAnsiConsole console, TurnResult result)
    {
        console.WriteLine();
        console.Write(new Text(result.Text));
        console.WriteLine();
        foreach (var c in result.Citations)
        {
            console.MarkupLine($"[dim]  ↳ [[{c.Stage.ToName()}]] {Markup.Escape(c.LessonId)} — {Markup.Escape(c.Title)} › {Markup.Escape(c.Section)}[/]");
        }

        console.WriteLine();
    }
}
