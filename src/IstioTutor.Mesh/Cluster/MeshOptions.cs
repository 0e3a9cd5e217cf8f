using System.ComponentModel.DataAnnotations;

namespace IstioTutor.Mesh.Cluster;

/// <summary>The <c>Mesh</c> section of appsettings.json: which cluster learners practise on.</summary>
public sealed class MeshOptions : IValidatableObject
{
    public const string Section = "Mesh";

    /// <summary><c>embedded</c> (default) or <c>kubeconfig</c>.</summary>
    public MeshMode Mode { get; set; } = MeshMode.Embedded;

    /// <summary>Path of the kubeconfig file when <see cref="Mode"/> is <c>kubeconfig</c>; empty means ~/.kube/config.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context to use; empty means its current-context.</summary>
    public string? Context { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == MeshMode.Kubeconfig)
        {
            var path = ResolvedKubeconfig();
            if (!File.Exists(path))
            {
                yield return new ValidationResult(
                    $"Mesh:Kubeconfig: the file '{path}' does not exist. Point Mesh:Kubeconfig at a kubeconfig (e.g. the one deploy/sandbox/create-kind-cluster.sh prints) or set Mesh:Mode to 'embedded'.",
                    [nameof(Kubeconfig)]);
            }
        }
    }

    /// <summary>The kubeconfig path to read: the configured one, else KUBECONFIG's first entry, else ~/.kube/config.</summary>
    public string ResolvedKubeconfig()
    {
        if (!string.IsNullOrWhiteSpace(Kubeconfig))
        {
            return Path.GetFullPath(Kubeconfig);
        }

        var env = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
    }
}
