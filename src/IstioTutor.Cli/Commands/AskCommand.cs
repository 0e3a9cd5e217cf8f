using System.CommandLine;
using IstioTutor.Core.Pipeline;
using IstioTutor.Core.Turns;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor ask [--learner ID] [--stage S] [--data DIR] [--json] [TEXT]</c>: one turn, or with no
/// TEXT one turn per line of standard input (one JSON object per line with --json).
/// </summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var learner = CommonOptions.Learner();
        var stage = CommonOptions.Stage();
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var text = new Argument<string[]>("TEXT") { Description = "The message; without it, one message per line is read from standard input.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("ask", "Send one message (or one per stdin line) through the tutor and print the reply.")
        {
            learner, stage, data, json, text,
        };
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
                var terminal = new TerminalLearner(host.Get<TutorPipeline>(), parse.GetValue(learner)!, chosenStage);
                var asJson = parse.GetValue(json);
                var words = parse.GetValue(text) ?? [];
                if (words.Length > 0)
                {
                    Print(await terminal.SendAsync(string.Join(' ', words), cancellationToken), asJson);
                    return 0;
                }

                while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }

                    Print(await terminal.SendAsync(line, cancellationToken), asJson);
                }

                return 0;
            }
        });
        return command;
    }

    private static void Print(TurnResult result, bool asJson)
    {
        if (asJson)
        {
            Console.Out.WriteLine(TurnJson.From(result).Serialize());
            Console.Out.Flush();
            return;
        }

        Console.Out.WriteLine(result.Text);
        foreach (var c in result.Citations)
        {
            Console.Out.WriteLine($"  [{c.Stage.ToName()}] {c.LessonId} — {c.Title} › {c.Section}");
        }

        Console.Out.WriteLine();
    }
}
