using System.CommandLine;
using System.Globalization;
using IstioTutor.Bot.Hosting;
using Microsoft.Extensions.Hosting;

namespace IstioTutor.Cli.Commands;

/// <summary>
/// <c>istiotutor serve [--port P] [--data DIR]</c>: the web host — web chat at /, Bot Framework
/// (Teams, Slack, Emulator) at /api/messages, MCP at /mcp, /healthz, /readyz and /metrics — on 127.0.0.1 until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var port = new Option<int?>("--port") { Description = "Port on 127.0.0.1 (default 5080; Serve:Port in appsettings.json; 0 picks a free one)." };
        var command = new Command("serve", "Serve the web chat page, the Teams/Slack bot endpoint, health and metrics on 127.0.0.1.") { port, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosenPort = parse.GetValue(port);
            if (chosenPort is < 0 or > 65535)
            {
                await Console.Error.WriteLineAsync($"--port {chosenPort} is not a port; use 0..65535. Nothing was started.");
                return 2;
            }

            var overrides = chosenPort is { } p
                ? new Dictionary<string, string?> { [$"{ServeOptions.Section}:Port"] = p.ToString(CultureInfo.InvariantCulture) }
                : null;
            try
            {
                await using var app = BotHost.Build(parse.GetValue(data), overrides);
                await app.StartAsync(cancellationToken);
                var address = app.BaseAddress();
                Console.WriteLine($"IstioTutor is serving on {address}");
                Console.WriteLine($"  web chat      {address}");
                Console.WriteLine($"  Bot Framework {address}api/messages  (Teams, Slack, Emulator)");
                Console.WriteLine($"  mentors       {address}mentor");
                Console.WriteLine($"  MCP           {address}mcp  (editors' assistants; a learner's token from /mcp-token)");
                Console.WriteLine($"  health        {address}healthz  {address}readyz");
                Console.WriteLine($"  metrics       {address}metrics");
                Console.WriteLine("Press Ctrl+C to stop.");
                await app.WaitForShutdownAsync(cancellationToken);
                return 0;
            }
            catch (Exception e) when (ConfigurationError.Describe(e) is { } message)
            {
                await Console.Error.WriteLineAsync(message);
                return 2;
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"Could not listen: {e.Message}. Choose another port with --port.");
                return 1;
            }
        });
        return command;
    }
}
