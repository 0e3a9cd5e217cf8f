namespace IstioTutor.Mesh.Model;

/// <summary>
/// Every resource type IstioTutor knows: the Istio configuration kinds learners may write and the
/// read-only workload kinds the sandbox seeds. Versions are the ones Istio's CRDs serve as storage
/// or sole version (for example networking.istio.io/v1 for VirtualService; EnvoyFilter only v1alpha3).
/// </summary>
public static class ResourceKinds
{
    private const string Networking = "networking.istio.io";
    private const string Security = "security.istio.io";

    public static readonly ResourceKind VirtualService = new(Networking, "v1", "VirtualService", "virtualservices", true, ["vs"], true);
    public static readonly ResourceKind DestinationRule = new(Networking, "v1", "DestinationRule", "destinationrules", true, ["dr"], true);
    public static readonly ResourceKind Gateway = new(Networking, "v1", "Gateway", "gateways", true, ["gw"], true);
    public static readonly ResourceKind ServiceEntry = new(Networking, "v1", "ServiceEntry", "serviceentries", true, ["se"], true);
    public static readonly ResourceKind Sidecar = new(Networking, "v1", "Sidecar", "sidecars", true, [], true);
    public static readonly ResourceKind WorkloadEntry = new(Networking, "v1", "WorkloadEntry", "workloadentries", true, ["we"], true);
    public static readonly ResourceKind WorkloadGroup = new(Networking, "v1", "WorkloadGroup", "workloadgroups", true, ["wg"], true);
    public static readonly ResourceKind EnvoyFilter = new(Networking, "v1alpha3", "EnvoyFilter", "envoyfilters", true, [], true);
    public static readonly ResourceKind PeerAuthentication = new(Security, "v1", "PeerAuthentication", "peerauthentications", true, ["pa"], true);
    public static readonly ResourceKind AuthorizationPolicy = new(Security, "v1", "AuthorizationPolicy", "authorizationpolicies", true, ["ap"], true);
    public static readonly ResourceKind RequestAuthentication = new(Security, "v1", "RequestAuthentication", "requestauthentications", true, ["ra"], true);
    public static readonly ResourceKind Telemetry = new("telemetry.istio.io", "v1", "Telemetry", "telemetries", true, ["telemetry"], true);
    public static readonly ResourceKind WasmPlugin = new("extensions.istio.io", "v1alpha1", "WasmPlugin", "wasmplugins", true, [], true);

    public static readonly ResourceKind Namespace = new("", "v1", "Namespace", "namespaces", false, ["ns"], false);
    public static readonly ResourceKind Service = new("", "v1", "Service", "services", true, ["svc"], false);
    public static readonly ResourceKind Pod = new("", "v1", "Pod", "pods", true, ["po"], false);
    public static readonly ResourceKind ServiceAccount = new("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"], false);
    public static readonly ResourceKind Deployment = new("apps", "v1", "Deployment", "deployments", true, ["deploy"], false);

    public static IReadOnlyList<ResourceKind> Istio { get; } =
    [
        VirtualService, DestinationRule, Gateway, ServiceEntry, Sidecar, WorkloadEntry, WorkloadGroup, EnvoyFilter,
        PeerAuthentication, AuthorizationPolicy, RequestAuthentication, Telemetry, WasmPlugin,
    ];

    public static IReadOnlyList<ResourceKind> Workloads { get; } = [Namespace, Service, Pod, ServiceAccount, Deployment];

    public static IReadOnlyList<ResourceKind> All { get; } = [.. Istio, .. Workloads];

    /// <summary>Finds a kind by Kind name, plural, singular or short name, case-insensitively ("vs", "VirtualService").</summary>
    public static ResourceKind? Find(string name) =>
        All.FirstOrDefault(k =>
            string.Equals(k.Kind, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.Plural, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.Singular, name, StringComparison.OrdinalIgnoreCase)
            || k.ShortNames.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>Finds a kind by apiVersion and Kind exactly as a manifest states them.</summary>
    public static ResourceKind? Find(string apiVersion, string kind) =>
        All.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);
}
