using IstioTutor.Mesh.Cluster;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Sandbox.Api;

/// <summary>
/// The API surface the sandbox serves: every version Istio's CRDs serve (crd-all.gen.yaml), the Gateway API
/// CRDs at the versions istio.io has learners install (v1.3 standard; TCPRoute/TLSRoute experimental), plus the
/// core and apps types holding the seeded workloads. Objects are stored once per group/plural.
/// </summary>
internal sealed class ServedResources
{
    public static readonly ResourceKind Event = new("", "v1", "Event", "events", true, ["ev"], false);

    /// <summary>ConfigMaps, which Istio's samples and tasks create; served by the sandbox only (the guard does not know the kind).</summary>
    public static readonly ResourceKind ConfigMap = new("", "v1", "ConfigMap", "configmaps", true, ["cm"], false);

    public ServedResources()
    {
        var all = new List<ServedResource>();
        foreach (var kind in ResourceKinds.Istio)
        {
            var groupCategory = kind.Group.Replace('.', '-');
            foreach (var version in ResourceKinds.ServedVersions(kind))
            {
                all.Add(new ServedResource(kind with { Version = version }, ["istio-io", groupCategory], ServedAccess.Writable));
            }
        }

        foreach (var kind in ResourceKinds.GatewayApi)
        {
            foreach (var version in ResourceKinds.ServedVersions(kind))
            {
                all.Add(new ServedResource(kind with { Version = version }, ["gateway-api"], ServedAccess.Writable));
            }
        }

        all.Add(new ServedResource(ResourceKinds.Namespace, [], ServedAccess.Namespaces));
        all.Add(new ServedResource(ResourceKinds.Pod, ["all"], ServedAccess.Pods));
        all.Add(new ServedResource(ResourceKinds.Service, ["all"], ServedAccess.Workload));
        all.Add(new ServedResource(ResourceKinds.ServiceAccount, [], ServedAccess.Workload));
        all.Add(new ServedResource(ConfigMap, [], ServedAccess.Workload));
        all.Add(new ServedResource(Event, [], ServedAccess.Events));
        all.Add(new ServedResource(ResourceKinds.Deployment, ["all"], ServedAccess.Workload));
        All = all;
        // kube-apiserver lists built-in groups first, then CRD groups (equal priority) by name; kubectl resolves an
        // ambiguous name by that order, so "gateway" means gateway.networking.k8s.io's before networking.istio.io's,
        // as on a cluster with both installed (Istio's is gateways.networking.istio.io).
        GroupVersions = all.GroupBy(r => r.Group)
            .Select(g => new ServedGroup(g.Key, g.Select(r => r.Version).Distinct().ToList(), PreferredVersion(g.Key)))
            .OrderBy(g => g.Name switch { "" => 0, "apps" => 1, _ => 2 })
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<ServedResource> All { get; }

    /// <summary>Groups with their versions, preferred (storage-like) version first in discovery.</summary>
    public IReadOnlyList<ServedGroup> GroupVersions { get; }

    public ServedResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public IEnumerable<ServedResource> InGroupVersion(string group, string version) =>
        All.Where(r => r.Group == group && r.Version == version);

    private static string PreferredVersion(string group) => group switch
    {
        "extensions.istio.io" => "v1alpha1",
        _ => "v1",
    };
}

/// <summary>An API group and the versions it serves.</summary>
internal sealed record ServedGroup(string Name, IReadOnlyList<string> Versions, string PreferredVersion);
