using System.Text.Json.Nodes;

namespace IstioTutor.Mesh.Model;

/// <summary>
/// Istio's ambient data plane as the labels describe it: which pods ztunnel captures
/// (<c>istio.io/dataplane-mode=ambient</c> on the namespace or pod, no sidecar, not opted out with
/// <c>none</c>), and which waypoint a Service uses (<c>istio.io/use-waypoint</c> on the Service, else its
/// namespace; <c>none</c> opts out) — a Gateway API Gateway of class <c>istio-waypoint</c> whose
/// <c>istio.io/waypoint-for</c> (default <c>service</c>) accepts service traffic.
/// </summary>
public sealed class AmbientMesh(MeshModel model)
{
    public const string DataplaneModeLabel = "istio.io/dataplane-mode";
    public const string UseWaypointLabel = "istio.io/use-waypoint";
    public const string UseWaypointNamespaceLabel = "istio.io/use-waypoint-namespace";
    public const string WaypointForLabel = "istio.io/waypoint-for";
    public const string WaypointClass = "istio-waypoint";
    public const string GatewayNameLabel = "gateway.networking.k8s.io/gateway-name";

    public bool IsAmbientNamespace(string ns) =>
        model.NamespaceLabels(ns).TryGetValue(DataplaneModeLabel, out var mode) && mode == "ambient";

    /// <summary>True when ztunnel carries the pod's traffic: ambient by namespace or pod label, no sidecar, no opt-out, not a gateway.</summary>
    public bool Captures(WorkloadInfo pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.HasSidecar || pod.Labels.ContainsKey(GatewayNameLabel))
        {
            return false;
        }

        return pod.Labels.TryGetValue(DataplaneModeLabel, out var mode) ? mode == "ambient" : IsAmbientNamespace(pod.Namespace);
    }

    /// <summary>True for a Gateway API Gateway of class istio-waypoint.</summary>
    public static bool IsWaypoint(ConfigObject gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return gateway.Is(ResourceKinds.K8sGateway) && JsonFields.Str(gateway.Spec["gatewayClassName"]) == WaypointClass;
    }

    /// <summary>The waypoint Gateways in the snapshot.</summary>
    public IEnumerable<ConfigObject> Waypoints => model.OfKind(ResourceKinds.K8sGateway).Where(IsWaypoint);

    /// <summary>
    /// The waypoint the Service's traffic goes through, or null: the name the Service's (else its
    /// namespace's) use-waypoint label gives, in the use-waypoint-namespace (default: the labelled object's).
    /// <paramref name="reason"/> says why there is none when a label asks for one.
    /// </summary>
    public ConfigObject? WaypointFor(ServiceInfo service, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(service);
        reason = null;
        var nsLabels = model.NamespaceLabels(service.Namespace);
        var (labels, what) = service.Labels.ContainsKey(UseWaypointLabel) ? (service.Labels, $"Service {service.Namespace}/{service.Name}") : (nsLabels, $"namespace {service.Namespace}");
        if (!labels.TryGetValue(UseWaypointLabel, out var name) || name == "none" || service.FromServiceEntry)
        {
            return null;
        }

        var ns = labels.TryGetValue(UseWaypointNamespaceLabel, out var other) ? other : service.Namespace;
        var waypoint = Waypoints.FirstOrDefault(g => g.Name == name && g.Namespace == ns);
        if (waypoint is null)
        {
            reason = $"{what} is labelled {UseWaypointLabel}={name} but no Gateway {ns}/{name} of class {WaypointClass} exists";
            return null;
        }

        var accepts = WaypointFor(waypoint);
        if (accepts is not ("service" or "all"))
        {
            reason = $"waypoint {ns}/{name} is labelled {WaypointForLabel}={accepts}: it takes no traffic addressed to Services";
            return null;
        }

        return waypoint;
    }

    /// <summary>What a waypoint accepts (istio.io/waypoint-for; "service" when unset).</summary>
    public static string WaypointFor(ConfigObject waypoint)
    {
        ArgumentNullException.ThrowIfNull(waypoint);
        return JsonFields.Labels(waypoint.Raw["metadata"]?["labels"]).TryGetValue(WaypointForLabel, out var v) ? v : "service";
    }

    /// <summary>The identity a waypoint presents: Istio deploys it with a service account named after the Gateway.</summary>
    public static string WaypointPrincipal(ConfigObject waypoint)
    {
        ArgumentNullException.ThrowIfNull(waypoint);
        return $"cluster.local/ns/{waypoint.Namespace}/sa/{waypoint.Name}";
    }

    /// <summary>
    /// The targetRefs of a policy (and the older single targetRef) as (group, kind, name, namespace);
    /// the group "" stands for the core group.
    /// </summary>
    public static IReadOnlyList<(string Group, string Kind, string Name, string Namespace)> TargetRefs(ConfigObject policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var refs = (policy.Spec["targetRefs"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (policy.Spec["targetRef"] is JsonObject single)
        {
            refs.Add(single);
        }

        return refs.Select(r => (
            JsonFields.Str(r["group"]) is { } g && g != "core" ? g : "",
            JsonFields.Str(r["kind"]) ?? "",
            JsonFields.Str(r["name"]) ?? "",
            JsonFields.Str(r["namespace"]) ?? policy.Namespace)).ToList();
    }
}
