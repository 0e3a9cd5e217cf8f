namespace IstioTutor.Labs.Tests.Fixtures;

/// <summary>A fact that drives the real kubectl; skipped, saying why, only when it is not installed.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public static string? Executable { get; } = new[] { "/usr/bin/kubectl" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "kubectl")))
        .FirstOrDefault(File.Exists);

    public KubectlFactAttribute()
    {
        if (Executable is null)
        {
            Skip = "kubectl is not installed (looked for /usr/bin/kubectl and on PATH); .ci/run installs it";
        }
    }
}
