namespace IstioTutor.Sandbox.Shell;

/// <summary>What one exec may cost the server, whatever it is asked to run.</summary>
internal sealed record ExecLimits
{
    public int MaxScriptChars { get; init; } = 16 * 1024;

    public int MaxStdinBytes { get; init; } = 64 * 1024;

    public int MaxCommands { get; init; } = 2_000;

    public int MaxLoopItems { get; init; } = 1_000;

    public int MaxRequests { get; init; } = 500;

    public int MaxOutputChars { get; init; } = 1024 * 1024;

    public TimeSpan WallTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Real waiting a <c>sleep</c> may do (simulated time is what curl reports; the server does not idle for it).</summary>
    public TimeSpan MaxSleep { get; init; } = TimeSpan.FromSeconds(1);
}
