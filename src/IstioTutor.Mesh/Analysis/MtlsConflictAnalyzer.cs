using System.Text.Json.Nodes;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Mesh.Analysis;

/// <summary>
/// A DestinationRule that turns Istio mTLS off (tls.mode DISABLE or SIMPLE) for a host whose
/// workloads require STRICT mTLS: every call fails. Reported as IST0113 (see <see cref="Messages.MtlsPolicyConflict"/>).
/// </summary>
internal sealed class MtlsConflictAnalyzer : IMeshAnalyzer
{
    public IEnumerable<AnalysisMessage> Analyze(MeshModel model)
    {
        var resolver = new PeerAuthenticationResolver(model);
        foreach (var dr in model.LocalOfKind("DestinationRule"))
        {
            var host = JsonFields.Str(dr.Spec["host"]);
            var service = host is null ? null : model.FindService(HostName.Resolve(host, dr.Namespace));
            if (service is null || service.FromServiceEntry)
            {
                continue;
            }

            var pods = model.WorkloadsOf(service).Where(w => w.HasSidecar).ToList();
            var targets = new List<(string Mode, List<WorkloadInfo> Pods)>();
            if (JsonFields.Str(dr.Spec["trafficPolicy"]?["tls"]?["mode"]) is { } topMode)
            {
                targets.Add((topMode, pods));
            }

            foreach (var subset in (dr.Spec["subsets"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (JsonFields.Str(subset["trafficPolicy"]?["tls"]?["mode"]) is { } subsetMode)
                {
                    var labels = JsonFields.Labels(subset["labels"]);
                    targets.Add((subsetMode, pods.Where(p => p.Matches(labels)).ToList()));
                }
            }

            foreach (var (mode, targetPods) in targets.Where(t => t.Mode is "DISABLE" or "SIMPLE"))
            {
                var strict = targetPods.Select(p => resolver.Resolve(p, (service.Ports.Count > 0 ? service.Ports[0].TargetPort : 0))).FirstOrDefault(r => r.Mode == MtlsMode.Strict);
                if (strict is not null)
                {
                    yield return Messages.MtlsPolicyConflict(dr.Reference, host!, $"{dr.Namespace}/{dr.Name}", mode, strict.Source ?? "mesh default");
                }
            }
        }
    }
}
