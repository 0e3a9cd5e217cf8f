using System.CommandLine;
using IstioTutor.Bot.Mcp;
using IstioTutor.Core.Hosting;
using IstioTutor.Sandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor mcp [--learner ID] [--data DIR]</c>: the tutor as an MCP server on standard input and output,
/// for an editor's assistant to start. It acts as the terminal learner (the same learner, sandbox and progress
/// as <c>istiotutor chat</c>). Standard output carries only MCP messages; every log line goes to standard error.
/// </summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var learner = CommonOptions.Learner();
        var data = CommonOptions.Data();
        var command = new Command("mcp", "Serve the tutor to an editor's assistant over MCP (stdio), as the terminal learner.") { learner, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddTutorSources();
            builder.Logging
                .AddConfiguration(builder.Configuration.GetSection("Logging"))
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.AddIstioTutor(builder.Configuration, parse.GetValue(data));
            builder.Services.AddEmbeddedSandbox(); // started on first use only
            builder.Services.AddSingleton(new McpStdioLearner(parse.GetValue(learner)!));
            builder.Services.AddTutorMcp().WithStdioServerTransport();
            try
            {
                using var host = builder.Build();
                await host.RunAsync(cancellationToken);
                return 0;
            }
            catch (Exception e) when (ConfigurationError.Describe(e) is { } message)
            {
                await Console.Error.WriteLineAsync(message);
                return 2;
            }
        });
        return command;
    }
}
