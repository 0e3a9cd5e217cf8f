namespace IstioTutor.Sandbox.Shell;

/// <summary>An exec reached one of its <see cref="ExecLimits"/>; what ran so far stands, the rest is not run.</summary>
internal sealed class ShellLimitException(string message) : Exception(message);
