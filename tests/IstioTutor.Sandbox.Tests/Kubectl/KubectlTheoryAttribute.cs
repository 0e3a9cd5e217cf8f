namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>A theory that needs the real kubectl; skipped, saying why, only when it is not installed.</summary>
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (KubectlRunner.Executable is null)
        {
            Skip = "kubectl is not installed (looked for /usr/bin/kubectl and on PATH); .ci/run installs it";
        }
    }
}
