using System.CommandLine;

namespace IstioTutor.Cli.Commands;

/// <summary>The <c>istiotutor</c> subcommands, one file each.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All() =>
    [
        ChatCommand.Create(), AskCommand.Create(), IndexCommand.Create(), EvalCommand.Create(),
        ServeCommand.Create(), SandboxCommand.Create(), ProgressCommand.Create(),
        AuditCommand.Create(), McpCommand.Create(),
    ];
}
