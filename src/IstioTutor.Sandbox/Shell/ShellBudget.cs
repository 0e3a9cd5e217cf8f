namespace IstioTutor.Sandbox.Shell;

/// <summary>The exec's running costs against its <see cref="ExecLimits"/>: output, commands, requests and wall time.</summary>
internal sealed class ShellBudget(ExecLimits limits, CancellationToken cancellation)
{
    private readonly DateTime deadline = DateTime.UtcNow + limits.WallTime;
    private long output;
    private int commands;
    private int requests;

    public ExecLimits Limits => limits;

    public void Spend(int chars)
    {
        output += chars;
        if (output > limits.MaxOutputChars)
        {
            throw new ShellLimitException($"sandbox: output passed {limits.MaxOutputChars} characters; the rest was not run");
        }
    }

    public void Command()
    {
        cancellation.ThrowIfCancellationRequested();
        if (++commands > limits.MaxCommands)
        {
            throw new ShellLimitException($"sandbox: more than {limits.MaxCommands} commands in one exec; the rest was not run");
        }

        if (DateTime.UtcNow > deadline)
        {
            throw new ShellLimitException($"sandbox: the exec ran longer than {limits.WallTime.TotalSeconds:0} s; the rest was not run");
        }
    }

    public void Request()
    {
        if (++requests > limits.MaxRequests)
        {
            throw new ShellLimitException($"sandbox: more than {limits.MaxRequests} requests in one exec; the rest was not run");
        }
    }

    public TimeSpan Remaining => deadline - DateTime.UtcNow;

    public CancellationToken Cancellation => cancellation;
}
