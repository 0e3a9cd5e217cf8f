using System.Text.Json;
using System.Text.Json.Nodes;
using static IstioTutor.Mesh.Model.JsonFields;

namespace IstioTutor.Mesh.Model;

/// <summary>
/// A read-only view of a <see cref="MeshSnapshot"/> that the analyzer and simulator share: typed
/// Services, workloads and config, with Istio's host resolution. Built from raw Kubernetes JSON, so it
/// works the same on the simulated sandbox and on a real cluster's objects. Config objects must carry
/// their <c>kind</c> (list responses from a real API server omit it per item; the snapshot sets it).
/// </summary>
public sealed class MeshModel
{
    private MeshModel(MeshSnapshot snapshot, IReadOnlyList<ConfigObject> config, IReadOnlyList<ServiceInfo> services, IReadOnlyList<WorkloadInfo> workloads)
    {
        Snapshot = snapshot;
        Config = config;
        Services = services;
        Workloads = workloads;
    }

    public MeshSnapshot Snapshot { get; }

    public string Namespace => Snapshot.Namespace;

    /// <summary>The namespace's config followed by the root namespace's (mesh-wide) config.</summary>
    public IReadOnlyList<ConfigObject> Config { get; }

    /// <summary>Kubernetes Services plus the hosts ServiceEntries add to the registry.</summary>
    public IReadOnlyList<ServiceInfo> Services { get; }

    public IReadOnlyList<WorkloadInfo> Workloads { get; }

    public static MeshModel From(MeshSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var config = snapshot.IstioConfig.Concat(snapshot.RootNamespaceConfig)
            .Select(o => ToConfig(o, snapshot.Namespace))
            .OfType<ConfigObject>()
            .DistinctBy(c => (c.Group, c.Kind, c.Namespace, c.Name))
            .ToList();

        var services = snapshot.Services.Select(s => ToService(s, snapshot.Namespace))
            .Concat(snapshot.RootNamespaceServices.Select(s => ToService(s, MeshSnapshot.RootNamespace)))
            .ToList();
        foreach (var entry in config.Where(c => c.Kind == "ServiceEntry"))
        {
            var ports = (entry.Spec["ports"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(p => new ServicePortInfo(Str(p["name"]), Int(p["number"]) ?? 0, Int(p["targetPort"]) ?? Int(p["number"]) ?? 0, Str(p["protocol"])))
                .ToList();
            var selector = Labels(entry.Spec["workloadSelector"]?["labels"]);
            foreach (var host in Strings(entry.Spec["hosts"]))
            {
                var endpoints = selector.Count > 0 ? null : EntryEndpoints(entry, host);
                services.Add(new ServiceInfo(entry.Name, entry.Namespace, host, selector, ports, FromServiceEntry: true, Endpoints: endpoints));
            }
        }

        // The root namespace's pods are there for what selects across namespaces (Gateway selectors).
        var workloads = snapshot.Pods.Select(p => ToWorkload(p, snapshot.Namespace))
            .Concat(snapshot.RootNamespacePods.Select(p => ToWorkload(p, MeshSnapshot.RootNamespace)))
            .ToList();
        return new MeshModel(snapshot, config, services, workloads);
    }

    /// <summary>Istio config objects of a Kind ("Gateway" is Istio's here; use the ResourceKind overload for the Gateway API's).</summary>
    public IEnumerable<ConfigObject> OfKind(string kind) => Config.Where(c => c.Kind == kind && c.IsIstio);

    /// <summary>Config objects of a kind, group and Kind compared.</summary>
    public IEnumerable<ConfigObject> OfKind(ResourceKind kind) => Config.Where(c => c.Is(kind));

    /// <summary>Istio config objects of a Kind that apply to the snapshot's namespace: its own, then the root namespace's.</summary>
    public IEnumerable<ConfigObject> LocalOfKind(string kind) => Config.Where(c => c.Kind == kind && c.IsIstio && c.Namespace == Namespace);

    /// <summary>Finds the Service a (resolved) host names, or null when nothing in the registry has it.</summary>
    public ServiceInfo? FindService(string fqdn) =>
        Services.FirstOrDefault(s => string.Equals(s.Fqdn, fqdn, StringComparison.OrdinalIgnoreCase))
        ?? Services.FirstOrDefault(s => s.FromServiceEntry && HostName.SubsetOf(fqdn, s.Fqdn));

    /// <summary>
    /// The registry host a client pod in <paramref name="clientNamespace"/> reaches when it calls
    /// <paramref name="host"/> (its DNS search path, then the name as written); when none is registered,
    /// the host as Istio config would name it.
    /// </summary>
    public string ResolveClientHost(string host, string clientNamespace) =>
        HostName.ClientCandidates(host, clientNamespace).FirstOrDefault(c => FindService(c) is not null)
        ?? HostName.Resolve(host, clientNamespace);

    /// <summary>True when some Service or ServiceEntry host overlaps the (possibly wildcard) host.</summary>
    public bool HostExists(string fqdn) => Services.Any(s => HostName.Matches(fqdn, s.Fqdn));

    public IEnumerable<WorkloadInfo> WorkloadsOf(ServiceInfo service) =>
        service.Selector.Count == 0 ? service.Endpoints ?? [] : Workloads.Where(w => (w.Namespace == service.Namespace || service.FromServiceEntry) && w.Matches(service.Selector));

    public IReadOnlyDictionary<string, string> NamespaceLabels(string ns) =>
        Labels(Snapshot.Namespaces.FirstOrDefault(n => Str(n["metadata"]?["name"]) == ns)?["metadata"]?["labels"]);

    private static ConfigObject? ToConfig(JsonObject o, string defaultNamespace)
    {
        var kind = Str(o["kind"]);
        var name = Str(o["metadata"]?["name"]);
        if (kind is null || name is null)
        {
            return null;
        }

        return new ConfigObject(kind, name, Str(o["metadata"]?["namespace"]) ?? defaultNamespace, o["spec"] as JsonObject ?? [], o);
    }

    /// <summary>
    /// Where a ServiceEntry without a workloadSelector sends traffic: its listed endpoints, or (resolution
    /// DNS or NONE, no endpoints) the host itself as DNS returns it. None of them carries a sidecar.
    /// </summary>
    private static IReadOnlyList<WorkloadInfo> EntryEndpoints(ConfigObject entry, string host)
    {
        var listed = (entry.Spec["endpoints"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => new WorkloadInfo(Str(e["address"]) ?? host, entry.Namespace, Labels(e["labels"]), HasSidecar: false, Str(e["serviceAccount"]) ?? "default"))
            .ToList();
        if (listed.Count > 0 || HostName.IsWildcard(host) || Str(entry.Spec["resolution"]) == "STATIC")
        {
            return listed;
        }

        return [new WorkloadInfo(host, entry.Namespace, new Dictionary<string, string>(), HasSidecar: false, "default")];
    }

    private static ServiceInfo ToService(JsonObject s, string defaultNamespace)
    {
        var name = Str(s["metadata"]?["name"]) ?? "";
        var ns = Str(s["metadata"]?["namespace"]) ?? defaultNamespace;
        var ports = (s["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => new ServicePortInfo(Str(p["name"]), Int(p["port"]) ?? 0, Int(p["targetPort"]) ?? Int(p["port"]) ?? 0, Str(p["appProtocol"]) ?? Str(p["protocol"])))
            .ToList();
        return new ServiceInfo(name, ns, HostName.ServiceFqdn(name, ns), Labels(s["spec"]?["selector"]), ports) { Labels = Labels(s["metadata"]?["labels"]) };
    }

    private static WorkloadInfo ToWorkload(JsonObject p, string defaultNamespace)
    {
        var spec = p["spec"];
        var containers = (spec?["containers"] as JsonArray ?? []).Concat(spec?["initContainers"] as JsonArray ?? []);
        var hasSidecar = containers.Any(c => Str(c?["name"]) == "istio-proxy");
        return new WorkloadInfo(
            Str(p["metadata"]?["name"]) ?? "",
            Str(p["metadata"]?["namespace"]) ?? defaultNamespace,
            Labels(p["metadata"]?["labels"]),
            hasSidecar,
            Str(spec?["serviceAccountName"]) ?? "default")
        {
            Ip = Str(p["status"]?["podIP"]),
        };
    }
}
