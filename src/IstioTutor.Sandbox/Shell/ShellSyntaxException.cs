namespace IstioTutor.Sandbox.Shell;

/// <summary>A script the sandbox shell cannot or will not run, with the message sh prints (exit 2).</summary>
internal sealed class ShellSyntaxException(string message) : Exception(message);
