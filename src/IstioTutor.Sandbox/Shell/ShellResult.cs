namespace IstioTutor.Sandbox.Shell;

/// <summary>What an exec'd command printed and its exit code; <see cref="Exited"/> when the script ran <c>exit</c>.</summary>
internal sealed record ShellResult(string Stdout, string Stderr, int ExitCode)
{
    public bool Exited { get; init; }
}
