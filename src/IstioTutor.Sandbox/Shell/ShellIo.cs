namespace IstioTutor.Sandbox.Shell;

/// <summary>One command's standard input, output and error.</summary>
internal sealed record ShellIo(string Stdin, ShellOutput Out, ShellOutput Err);
