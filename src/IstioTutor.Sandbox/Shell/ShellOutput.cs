using System.Text;

namespace IstioTutor.Sandbox.Shell;

/// <summary>A stream a command writes to, shared cap across stdout and stderr of one exec.</summary>
internal sealed class ShellOutput(ShellBudget budget)
{
    private readonly StringBuilder text = new();

    public void Write(string value)
    {
        budget.Spend(value.Length);
        text.Append(value);
    }

    public override string ToString() => text.ToString();
}
