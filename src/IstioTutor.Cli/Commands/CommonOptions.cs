using System.CommandLine;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;

namespace IstioTutor.Cli.Commands;

/// <summary>Options several subcommands share; each call makes a fresh instance (an option belongs to one command).</summary>
internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "Data directory (LiteDB, sandbox state). Default: ISTIOTUTOR_DATA, then Tutor:DataDirectory in appsettings.json.",
    };

    public static Option<string> Learner() => new("--learner")
    {
        Description = "Learner id for this terminal. Default: the OS user name.",
        DefaultValueFactory = _ => DefaultLearner(),
    };

    public static Option<string?> Stage() => new("--stage")
    {
        Description = "Set the learner's stage first: beginner, intermediate or advanced.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object per turn.",
    };

    public static string DefaultLearner() =>
        Environment.UserName is { Length: > 0 } user ? user : "local";

    /// <summary>Parses --stage; false (with an error written) when the value is not a stage.</summary>
    public static bool TryStage(string? value, out Stage? stage)
    {
        stage = null;
        if (value is null)
        {
            return true;
        }

        if (StageNames.TryParse(value, out var parsed))
        {
            stage = parsed;
            return true;
        }

        Console.Error.WriteLine($"--stage '{value}' is not a stage. Use beginner, intermediate or advanced (초급, 중급, 고급). Nothing was done.");
        return false;
    }
}
