using System.CommandLine;
using IstioTutor.Cli.Commands;

var root = new RootCommand("IstioTutor: an Istio tutor for the terminal, Teams, Slack and the web.");
foreach (var command in CliCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
