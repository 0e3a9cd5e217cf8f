namespace IstioTutor.Sandbox.Tests.Kubectl;

/// <summary>A fact that needs the real kubectl; skipped, saying why, only when it is not installed.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (KubectlRunner.Executable is null)
        {
            Skip = "kubectl is not installed (looked for /usr/bin/kubectl and on PATH); .ci/run installs it";
        }
    }
}
