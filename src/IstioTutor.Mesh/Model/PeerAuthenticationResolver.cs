using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Model;

/// <summary>
/// Istio's PeerAuthentication precedence: the workload-specific policy (port-level setting first), then
/// the namespace-wide policy, then the mesh-wide policy in the root namespace; UNSET inherits from the
/// next level, and the mesh default is PERMISSIVE. With several policies at one level the oldest
/// wins, as in Istio; without creation timestamps, the first by name.
/// </summary>
public sealed class PeerAuthenticationResolver(MeshModel model)
{
    public EffectiveMtls Resolve(WorkloadInfo workload, int port)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var policies = model.OfKind("PeerAuthentication").OrderBy(CreatedAt).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var workloadPolicy = policies.FirstOrDefault(p => p.Namespace == workload.Namespace && Selector(p) is { Count: > 0 } s && workload.Matches(s));
        var namespacePolicy = policies.FirstOrDefault(p => p.Namespace == workload.Namespace && Selector(p).Count == 0);
        var meshPolicy = policies.FirstOrDefault(p => p.Namespace == MeshSnapshot.RootNamespace && Selector(p).Count == 0);

        if (workloadPolicy is not null)
        {
            var portMode = JsonFields.Str(workloadPolicy.Spec["portLevelMtls"]?[port.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["mode"]);
            if (Parse(portMode) is { } pm)
            {
                return new EffectiveMtls(pm, $"{workloadPolicy.Namespace}/{workloadPolicy.Name}");
            }

            if (Parse(JsonFields.Str(workloadPolicy.Spec["mtls"]?["mode"])) is { } wm)
            {
                return new EffectiveMtls(wm, $"{workloadPolicy.Namespace}/{workloadPolicy.Name}");
            }
        }

        foreach (var policy in new[] { namespacePolicy, meshPolicy })
        {
            if (policy is not null && Parse(JsonFields.Str(policy.Spec["mtls"]?["mode"])) is { } mode)
            {
                return new EffectiveMtls(mode, $"{policy.Namespace}/{policy.Name}");
            }
        }

        return new EffectiveMtls(MtlsMode.Permissive, null);
    }

    private static IReadOnlyDictionary<string, string> Selector(ConfigObject policy) => JsonFields.Labels(policy.Spec["selector"]?["matchLabels"]);

    private static string CreatedAt(ConfigObject policy) => JsonFields.Str(policy.Raw["metadata"]?["creationTimestamp"]) ?? "";

    private static MtlsMode? Parse(string? mode) => mode switch
    {
        "STRICT" => MtlsMode.Strict,
        "PERMISSIVE" => MtlsMode.Permissive,
        "DISABLE" => MtlsMode.Disable,
        _ => null,
    };
}
