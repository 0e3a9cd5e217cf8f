using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using IstioTutor.Core.Guard.Audit;
using IstioTutor.Core.Progress;

namespace IstioTutor.Cli.Commands;

/// <summary><c>istiotutor audit [--learner ID] [--json] [--data DIR] [--limit N]</c>: the guard's audit log, newest first.</summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var learner = new Option<string?>("--learner") { Description = "Only this learner's attempts." };
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print one JSON object per entry." };
        var limit = new Option<int>("--limit") { Description = "Most entries to print.", DefaultValueFactory = _ => 200 };
        var command = new Command("audit", "List every guarded cluster attempt (allowed or refused): who, door, what, namespace, decision, reason.")
        {
            learner, data, json, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(limit) is < 1 or > 100_000)
            {
                await Console.Error.WriteLineAsync("--limit must be between 1 and 100000.");
                return 2;
            }

            if (await CliHost.TryStartAsync(parse.GetValue(data)) is not { } host)
            {
                return 2;
            }

            await using (host)
            {
                var entries = host.Get<IAuditLog>().Query(parse.GetValue(learner), parse.GetValue(limit));
                foreach (var e in entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Console.WriteLine(parse.GetValue(json)
                        ? JsonSerializer.Serialize(e, JsonOptions)
                        : $"{e.At:yyyy-MM-dd HH:mm:ss} {e.Decision.ToString().ToUpperInvariant(),-8} {e.LearnerId} via {e.Door.ToString().ToLowerInvariant()}{(e.ModelInitiated ? " (model)" : "")} [{DisplayText.Printable(e.ConversationId)}] {e.Verb} {e.Kind}{(e.Name is null ? "" : "/" + DisplayText.Printable(e.Name))} in {e.Namespace}: {DisplayText.Printable(e.Reason)}");
                }

                if (entries.Count == 0 && !parse.GetValue(json))
                {
                    Console.WriteLine("No audit entries" + (parse.GetValue(learner) is { } id ? $" for learner {id}." : "."));
                }
            }

            return 0;
        });
        return command;
    }
}
