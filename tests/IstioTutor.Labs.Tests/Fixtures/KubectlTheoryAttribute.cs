namespace IstioTutor.Labs.Tests.Fixtures;

/// <summary>A theory that drives the real kubectl; skipped, saying why, only when it is not installed.</summary>
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (KubectlFactAttribute.Executable is null)
        {
            Skip = "kubectl is not installed (looked for /usr/bin/kubectl and on PATH); .ci/run installs it";
        }
    }
}
