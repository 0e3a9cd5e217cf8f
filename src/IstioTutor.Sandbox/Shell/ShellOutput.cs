using System.Text;

namespace IstioTutor.Sandbox.Shell;

/// <summary>A stream a command writes to, shared cap across stdout and stderr of one exec.</summary>
internal sealed class ShellOutput(ShellBudget budget)
{
    private readonly StringBuilder _text = new();

    public void Write(string value)
    {
        budget.Spend(value.Length);
        _text.Append(value);
    }

    public override string ToString() => _text.ToString();
}
