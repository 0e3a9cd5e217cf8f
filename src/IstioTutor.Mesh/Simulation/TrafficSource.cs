using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// The sending side of a simulated request: the workload (null: a client pod without a sidecar), whether a
/// sidecar routes its traffic, the mTLS identity it presents, and — for an ingress gateway pod — the
/// Gateways whose listeners it serves.
/// </summary>
internal sealed record TrafficSource(WorkloadInfo? Workload, bool HasSidecar, string? Principal, IReadOnlyList<ConfigObject> Gateways, bool IsIngress)
{
    /// <summary>The Gateway API Gateway an ingress pod serves (its generated &lt;gateway&gt;-istio deployment), or null.</summary>
    public ConfigObject? K8sGateway { get; init; }

    /// <summary>An ambient pod: no sidecar, but ztunnel carries its traffic over HBONE with its own mTLS identity.</summary>
    public bool Ambient { get; init; }

    /// <summary>The namespace the client's DNS search path and Istio's config visibility start from.</summary>
    public string Namespace(MeshModel model) => Workload?.Namespace ?? model.Namespace;

    public static TrafficSource Resolve(MeshModel model, SimulationRequest request)
    {
        var workload = Find(model, request.Source);
        if (workload is not null && K8sGatewayOf(model, workload) is { } k8sGateway)
        {
            // Istio's generated gateway deployment runs Envoy with the mesh identity of its service account.
            return new TrafficSource(workload, true, request.SourcePrincipal ?? workload.Principal, [], true) { K8sGateway = k8sGateway };
        }

        var hasSidecar = request.SourceHasSidecar ?? workload?.HasSidecar ?? false;
        var ambient = !hasSidecar && request.SourceHasSidecar is null && workload is not null && new AmbientMesh(model).Captures(workload);
        var principal = request.SourcePrincipal ?? (hasSidecar || ambient ? workload?.Principal : null);
        var gateways = workload is null ? [] : GatewaysOf(model, workload);
        var ingress = workload is not null && (gateways.Count > 0 || IsGatewayPod(workload));
        return new TrafficSource(workload, hasSidecar, principal, gateways, ingress) { Ambient = ambient };
    }

    private static WorkloadInfo? Find(MeshModel model, string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return null;
        }

        var local = model.Workloads.Where(w => w.Namespace == model.Namespace).ToList();
        return local.FirstOrDefault(w => w.Name == source)
            ?? local.Where(w => w.App == source).OrderBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? local.Where(w => w.Labels.TryGetValue(AmbientMesh.GatewayNameLabel, out var g) && (g == source || $"{g}-istio" == source)).OrderBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? model.Workloads.FirstOrDefault(w => w.Name == source)
            ?? model.Workloads.Where(w => w.Namespace == MeshSnapshot.RootNamespace && w.App == source).OrderBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? GatewayDeployment(model, source)
            ?? throw new ArgumentException($"No workload named \"{source}\" in {model.Namespace}. Workloads: {string.Join(", ", local.Select(w => w.Name))}.");
    }

    /// <summary>Whether the pod runs a gateway's Envoy (a Gateway API Gateway's generated pod, or one an Istio Gateway selects).</summary>
    public static bool IsIngressPod(MeshModel model, WorkloadInfo pod) =>
        K8sGatewayOf(model, pod) is not null || IsGatewayPod(pod) || GatewaysOf(model, pod).Count > 0;

    /// <summary>
    /// The pod Istio deploys for a Gateway API Gateway ("&lt;gateway&gt;-istio", labelled with the gateway name),
    /// when the snapshot has the Gateway but not (yet) its pod: named by the Gateway or its deployment.
    /// </summary>
    private static WorkloadInfo? GatewayDeployment(MeshModel model, string source)
    {
        var gateway = model.OfKind(ResourceKinds.K8sGateway)
            .Where(g => !AmbientMesh.IsWaypoint(g))
            .FirstOrDefault(g => g.Name == source || $"{g.Name}-istio" == source);
        return gateway is null ? null : new WorkloadInfo(
            $"{gateway.Name}-istio",
            gateway.Namespace,
            new Dictionary<string, string> { [AmbientMesh.GatewayNameLabel] = gateway.Name, ["gateway.istio.io/managed"] = "istio.io-gateway-controller" },
            HasSidecar: true,
            $"{gateway.Name}-istio");
    }

    /// <summary>The Gateway API Gateway (not a waypoint) whose generated pod this is, by its gateway-name label.</summary>
    private static ConfigObject? K8sGatewayOf(MeshModel model, WorkloadInfo pod) =>
        pod.Labels.TryGetValue(AmbientMesh.GatewayNameLabel, out var name)
            ? model.OfKind(ResourceKinds.K8sGateway).FirstOrDefault(g => g.Name == name && g.Namespace == pod.Namespace && !AmbientMesh.IsWaypoint(g))
            : null;

    /// <summary>A gateway deployment (istio=ingressgateway/egressgateway, as Istio's charts label them).</summary>
    private static bool IsGatewayPod(WorkloadInfo pod) =>
        pod.Labels.TryGetValue("istio", out var role) && role is "ingressgateway" or "egressgateway";

    /// <summary>Istio Gateways whose selector picks the pod (in any namespace, as istiod does by default).</summary>
    private static List<ConfigObject> GatewaysOf(MeshModel model, WorkloadInfo pod) =>
        model.OfKind("Gateway")
            .Where(g => JsonFields.Labels(g.Spec["selector"]) is { Count: > 0 } selector && pod.Matches(selector))
            .ToList();
}
