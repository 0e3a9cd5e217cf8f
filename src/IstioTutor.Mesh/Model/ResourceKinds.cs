namespace IstioTutor.Mesh.Model;

/// <summary>
/// Every resource type IstioTutor knows: the mesh configuration kinds learners may write (Istio's and the
/// Kubernetes Gateway API's, both CRDs) and the workload kinds of the sandbox. Versions are the ones Istio's CRDs serve as storage
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

    private const string GatewayApiGroup = "gateway.networking.k8s.io";

    // Gateway API kinds at the version Istio 1.2x installs as storage (standard channel v1; ReferenceGrant
    // v1beta1; TCPRoute/TLSRoute experimental v1alpha2). Both Istio and the Gateway API have a kind named
    // "Gateway": code that means one of them compares the group too (see ConfigObject.Group).
    public static readonly ResourceKind K8sGateway = new(GatewayApiGroup, "v1", "Gateway", "gateways", true, ["gtw"], true);
    public static readonly ResourceKind GatewayClass = new(GatewayApiGroup, "v1", "GatewayClass", "gatewayclasses", false, ["gc"], true);
    public static readonly ResourceKind HttpRoute = new(GatewayApiGroup, "v1", "HTTPRoute", "httproutes", true, [], true);
    public static readonly ResourceKind GrpcRoute = new(GatewayApiGroup, "v1", "GRPCRoute", "grpcroutes", true, [], true);
    public static readonly ResourceKind ReferenceGrant = new(GatewayApiGroup, "v1beta1", "ReferenceGrant", "referencegrants", true, ["refgrant"], true);
    public static readonly ResourceKind TcpRoute = new(GatewayApiGroup, "v1alpha2", "TCPRoute", "tcproutes", true, [], true);
    public static readonly ResourceKind TlsRoute = new(GatewayApiGroup, "v1alpha2", "TLSRoute", "tlsroutes", true, [], true);

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

    /// <summary>The Gateway API kinds Istio serves; GatewayClass is cluster-scoped and installed, not learner-written.</summary>
    public static IReadOnlyList<ResourceKind> GatewayApi { get; } = [K8sGateway, GatewayClass, HttpRoute, GrpcRoute, ReferenceGrant, TcpRoute, TlsRoute];

    /// <summary>The namespaced configuration kinds a learner writes and a snapshot reads: Istio's, then the Gateway API's.</summary>
    public static IReadOnlyList<ResourceKind> Config { get; } = [.. Istio, .. GatewayApi.Where(k => k.Namespaced)];

    public static IReadOnlyList<ResourceKind> Workloads { get; } = [Namespace, Service, Pod, ServiceAccount, Deployment];

    public static IReadOnlyList<ResourceKind> All { get; } = [.. Istio, .. GatewayApi, .. Workloads];

    /// <summary>
    /// Every API version the CRDs serve for a configuration kind, storage version first (Istio's crd-all.gen.yaml;
    /// the Gateway API CRDs Istio installs). Workload kinds serve their one version.
    /// </summary>
    public static IReadOnlyList<string> ServedVersions(ResourceKind kind) => (kind.Group, kind.Kind) switch
    {
        ("networking.istio.io", "EnvoyFilter") => ["v1alpha3"],
        ("networking.istio.io", _) => ["v1", "v1beta1", "v1alpha3"],
        ("security.istio.io", _) => ["v1", "v1beta1"],
        ("telemetry.istio.io", _) => ["v1", "v1alpha1"],
        (GatewayApiGroup, "Gateway" or "GatewayClass" or "HTTPRoute") => ["v1", "v1beta1"],
        (GatewayApiGroup, "ReferenceGrant") => ["v1beta1"],
        _ => [kind.Version],
    };

    /// <summary>True for the Gateway API group (gateway.networking.k8s.io).</summary>
    public static bool IsGatewayApi(string group) => group == GatewayApiGroup;

    /// <summary>
    /// Finds a kind by Kind name, plural, singular or short name, case-insensitively ("vs", "VirtualService").
    /// "gateway" is Istio's Gateway (the first listed); the Gateway API's answers to "gtw" or a group-qualified
    /// name ("gateways.gateway.networking.k8s.io"), as kubectl resolves them.
    /// </summary>
    public static ResourceKind? Find(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var (resource, group) = (name[..dot], name[(dot + 1)..]);
            return All.FirstOrDefault(k => string.Equals(k.Group, group, StringComparison.OrdinalIgnoreCase) && Names(k, resource));
        }

        return All.FirstOrDefault(k => Names(k, name));
    }

    private static bool Names(ResourceKind k, string name) =>
            string.Equals(k.Kind, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.Plural, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.Singular, name, StringComparison.OrdinalIgnoreCase)
            || k.ShortNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a kind by apiVersion and Kind exactly as a manifest states them.</summary>
    public static ResourceKind? Find(string apiVersion, string kind) =>
        All.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);
}
