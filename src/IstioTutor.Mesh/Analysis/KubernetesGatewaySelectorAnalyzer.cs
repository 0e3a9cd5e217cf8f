using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// k8sgateway/workloadselector.go (IST0166): a policy that selects a Gateway API gateway's pods by label has
/// no effect there; such gateways take policies through targetRef. Pods of a Gateway API gateway carry
/// gateway.networking.k8s.io/gateway-name.
/// </summary>
internal sealed class KubernetesGatewaySelectorAnalyzer : IMeshAnalyzer
{
    private const string GatewayNameLabel = "gateway.networking.k8s.io/gateway-name";
    private static readonly string[] PolicyKinds = ["AuthorizationPolicy", "RequestAuthentication", "Telemetry", "WasmPlugin"];

    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        foreach (var kind in PolicyKinds)
        {
            foreach (var policy in model.LocalOfKind(kind))
            {
                var selector = JsonFields.Labels(policy.Spec["selector"]?["matchLabels"]);
                if (policy.Spec["targetRef"] is JsonObject || selector.Count == 0)
                {
                    continue;
                }

                foreach (var pod in model.Workloads.Where(w => w.Namespace == policy.Namespace && w.Labels.ContainsKey(GatewayNameLabel) && w.Matches(selector)))
                {
                    yield return Messages.IneffectiveSelector(policy.Reference, pod.Labels[GatewayNameLabel]);
                }
            }
        }
    }
}
