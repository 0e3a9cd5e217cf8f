namespace IstioTutor.Mesh.Hosting;

/// <summary>
/// The one directory holding the tutor's LiteDB files and sandbox state. Two processes given the same
/// directory see the same learners and the same sandbox.
/// </summary>
public sealed class DataDirectory
{
    public const string EnvironmentVariable = "ISTIOTUTOR_DATA";

    public DataDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Order of precedence: the command-line value, then the environment, then configuration.</summary>
    public static string Choose(string? commandLine, string? configured) =>
        !string.IsNullOrWhiteSpace(commandLine) ? commandLine
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : !string.IsNullOrWhiteSpace(configured) ? configured
        : "istiotutor-data";
}
