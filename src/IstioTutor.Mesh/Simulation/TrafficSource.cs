using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Simulation;

/// <summary>
/// The sending side of a simulated request: the workload (null: a client pod without a sidecar), whether a
/// sidecar routes its traffic, the mTLS identity it presents, and — for an ingress gateway pod — the
/// Gateways whose listeners it serves.
/// </summary>
internal sealed record TrafficSource(WorkloadInfo? Workload, bool HasSidecar, string? Principal, IReadOnlyList<ConfigObject> Gateways, bool IsIngress)
{
    /// <summary>The namespace the client's DNS search path and Istio's config visibility start from.</summary>
    public string Namespace(MeshModel model) => Workload?.Namespace ?? model.Namespace;

    public static TrafficSource Resolve(MeshModel model, SimulationRequest request)
    {
        var workload = Find(model, request.Source);
        var hasSidecar = request.SourceHasSidecar ?? workload?.HasSidecar ?? false;
        var principal = request.SourcePrincipal ?? (hasSidecar ? workload?.Principal : null);
        var gateways = workload is null ? [] : GatewaysOf(model, workload);
        var ingress = workload is not null && (gateways.Count > 0 || IsGatewayPod(workload));
        return new TrafficSource(workload, hasSidecar, principal, gateways, ingress);
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
            ?? model.Workloads.FirstOrDefault(w => w.Name == source)
            ?? model.Workloads.Where(w => w.Namespace == MeshSnapshot.RootNamespace && w.App == source).OrderBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new ArgumentException($"No workload named \"{source}\" in {model.Namespace}. Workloads: {string.Join(", ", local.Select(w => w.Name))}.");
    }

    /// <summary>A gateway deployment (istio=ingressgateway/egressgateway, as Istio's charts label them).</summary>
    private static bool IsGatewayPod(WorkloadInfo pod) =>
        pod.Labels.TryGetValue("istio", out var role) && role is "ingressgateway" or "egressgateway";

    /// <summary>Istio Gateways whose selector picks the pod (in any namespace, as istiod does by default).</summary>
    private static List<ConfigObject> GatewaysOf(MeshModel model, WorkloadInfo pod) =>
        model.OfKind("Gateway")
            .Where(g => JsonFields.Labels(g.Spec["selector"]) is { Count: > 0 } selector && pod.Matches(selector))
            .ToList();
}
