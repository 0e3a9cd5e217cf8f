namespace IstioTutor.Sandbox.Shell;

/// <summary>What an exec'd command printed and its exit code.</summary>
internal sealed record ShellResult(string Stdout, string Stderr, int ExitCode);
