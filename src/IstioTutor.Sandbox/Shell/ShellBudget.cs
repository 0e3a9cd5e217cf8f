namespace IstioTutor.Sandbox.Shell;

/// <summary>The exec's running costs against its <see cref="ExecLimits"/>: output, commands, requests and wall time.</summary>
internal sealed class ShellBudget(ExecLimits limits, CancellationToken cancellation)
{
    private readonly DateTime _deadline = DateTime.UtcNow + limits.WallTime;
    private long _output;
    private int _commands;
    private int _requests;

    public ExecLimits Limits => limits;

    public void Spend(int chars)
    {
        _output += chars;
        if (_output > limits.MaxOutputChars)
        {
            throw new ShellLimitException($"sandbox: output passed {limits.MaxOutputChars} characters; the rest was not run");
        }
    }

    public void Command()
    {
        cancellation.ThrowIfCancellationRequested();
        if (++_commands > limits.MaxCommands)
        {
            throw new ShellLimitException($"sandbox: more than {limits.MaxCommands} commands in one exec; the rest was not run");
        }

        if (DateTime.UtcNow > _deadline)
        {
            throw new ShellLimitException($"sandbox: the exec ran longer than {limits.WallTime.TotalSeconds:0} s; the rest was not run");
        }
    }

    public void Request()
    {
        if (++_requests > limits.MaxRequests)
        {
            throw new ShellLimitException($"sandbox: more than {limits.MaxRequests} requests in one exec; the rest was not run");
        }
    }

    public TimeSpan Remaining => _deadline - DateTime.UtcNow;

    public CancellationToken Cancellation => cancellation;
}
